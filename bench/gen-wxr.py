#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of N comments to stdout, as WordPress writes them: namespaces, CDATA,
threads (every third comment answers the one before), every status, a pingback now and then, 50 comments per post.
Usage: bench/gen-wxr.py 100000 > /tmp/wxr-100k.xml"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
per_post = 50
statuses = ["1", "1", "1", "1", "0", "spam", "trash"]
w = sys.stdout.write
w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"\n'
  '\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
  '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
  '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
  '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
  '\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n<channel>\n'
  '\t<title>Bench Gazette</title>\n\t<link>https://bench.example</link>\n'
  '\t<wp:wxr_version>1.2</wp:wxr_version>\n\t<wp:base_site_url>https://bench.example</wp:base_site_url>\n')
cid = 0
post = 0
while cid < n:
    post += 1
    w(f'\t<item>\n\t\t<title><![CDATA[Article number {post}]]></title>\n'
      f'\t\t<link>https://bench.example/2024/01/article-{post}/</link>\n'
      f'\t\t<dc:creator><![CDATA[editor]]></dc:creator>\n'
      f'\t\t<content:encoded><![CDATA[<p>Body of article {post}.</p>]]></content:encoded>\n'
      f'\t\t<wp:post_id>{post}</wp:post_id>\n'
      f'\t\t<wp:post_date_gmt><![CDATA[2024-01-01 08:00:00]]></wp:post_date_gmt>\n'
      f'\t\t<wp:post_name><![CDATA[bench-article-{post}]]></wp:post_name>\n'
      f'\t\t<wp:status><![CDATA[publish]]></wp:status>\n\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n')
    first = cid + 1
    for i in range(per_post):
        if cid >= n:
            break
        cid += 1
        if cid % 97 == 0:
            w(f'\t\t<wp:comment><wp:comment_id>{cid}</wp:comment_id>'
              f'<wp:comment_author><![CDATA[Some blog]]></wp:comment_author>'
              f'<wp:comment_content><![CDATA[[&#8230;] linked [&#8230;]]]></wp:comment_content>'
              f'<wp:comment_approved><![CDATA[1]]></wp:comment_approved>'
              f'<wp:comment_type><![CDATA[pingback]]></wp:comment_type></wp:comment>\n')
            continue
        parent = cid - 1 if cid % 3 == 0 and cid - 1 >= first and (cid - 1) % 97 != 0 else 0
        h, m, s = (cid // 3600) % 24, (cid // 60) % 60, cid % 60
        w(f'\t\t<wp:comment>\n\t\t\t<wp:comment_id>{cid}</wp:comment_id>\n'
          f'\t\t\t<wp:comment_author><![CDATA[Reader {cid % 5000}]]></wp:comment_author>\n'
          f'\t\t\t<wp:comment_author_email><![CDATA[reader{cid % 5000}@example.org]]></wp:comment_author_email>\n'
          f'\t\t\t<wp:comment_author_url></wp:comment_author_url>\n'
          f'\t\t\t<wp:comment_author_IP><![CDATA[198.51.{cid % 250}.{cid % 200 + 1}]]></wp:comment_author_IP>\n'
          f'\t\t\t<wp:comment_date_gmt><![CDATA[2024-01-02 {h:02d}:{m:02d}:{s:02d}]]></wp:comment_date_gmt>\n'
          f'\t\t\t<wp:comment_content><![CDATA[Comment {cid}: a considered view on article {post}, '
          f'with <em>some</em> emphasis and a <a href="https://source.example/{cid}">source</a>.\n\n'
          f'A second paragraph to make it a realistic length for a news comment.]]></wp:comment_content>\n'
          f'\t\t\t<wp:comment_approved><![CDATA[{statuses[cid % len(statuses)]}]]></wp:comment_approved>\n'
          f'\t\t\t<wp:comment_type><![CDATA[comment]]></wp:comment_type>\n'
          f'\t\t\t<wp:comment_parent>{parent}</wp:comment_parent>\n'
          f'\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n\t\t</wp:comment>\n')
    w('\t</item>\n')
w('</channel>\n</rss>\n')
