#!/usr/bin/env python3
"""What the learned filter costs, with a model trained on N comments (bench/filter-speed.sh).

  filter_speed.py wxr N > file.xml      a WordPress export of N decided comments (3 approved : 1 spam), words drawn
                                        by Zipf's law from a vocabulary of 60,000 made-up words (spam from a skewed
                                        part of it), 20,000 name words, 4,000 sender domains and 2,000 link domains:
                                        many distinct tokens, as years of a real site's comments have
  filter_speed.py run BASE PASSWORD     against a service whose model learned that file (import with train=true):
      1. scoring: 2,000 posts to warm up, then 3,000 posts with the filter on and 3,000 with it off, in turns of
         300; the median and 99th percentile of comments_filter_scoring_seconds (timed inside the service, over its
         last minutes), and the median post as a client sees it with the filter on and off (one connection);
      2. bulk moderation: 5 rounds of 200 held comments marked spam by one bulk call and 5 rounds of 200 rejected by
         one, in turns, timed as the client sees them. Both take the comments out of every public view and mail
         nobody; a spam decision teaches the filter, a rejection teaches it nothing: the same decision work with and
         without learning. After each call, how long until the filter has learned it (waiting back to 0).
Only the standard library; loopback only.
"""
import base64
import json
import random
import statistics
import sys
import time
import urllib.request

VOCABULARY = 60000


def words(rng, count, offset):
    # Zipf-like ranks (log-uniform): a few words very often, most rarely
    return ["w%s" % base36(offset + int(VOCABULARY ** rng.random()) - 1) for _ in range(count)]


def base36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return "q" + out


def comment(rng, i, spam):
    text = words(rng, rng.randint(8, 60), 20000 if spam else 0)
    if spam:
        text += ["http://%s.example/offer" % base36(rng.randint(0, 1999))] * rng.randint(1, 3)
    name = " ".join("n" + base36(rng.randint(0, 19999)) for _ in range(2))
    domain = "%s.example" % base36(50000 + rng.randint(0, 3999))
    return name, "reader%d@%s" % (i, domain), " ".join(text)


def wxr(n):
    rng = random.Random(16)
    w = sys.stdout.write
    w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">\n'
      '<channel><wp:base_site_url>https://filter-speed.example</wp:base_site_url>\n')
    per_post, i = 100, 0
    while i < n:
        post = i // per_post + 1
        w('<item><title>Article %d</title><link>https://filter-speed.example/%d/</link><wp:post_id>%d</wp:post_id>'
          '<wp:post_name>speed-article-%d</wp:post_name><wp:post_type>post</wp:post_type>\n' % (post, post, post, post))
        for _ in range(per_post):
            if i >= n:
                break
            i += 1
            spam = i % 4 == 0
            name, address, body = comment(rng, i, spam)
            w('<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author><![CDATA[%s]]></wp:comment_author>'
              '<wp:comment_author_email>%s</wp:comment_author_email>'
              '<wp:comment_date_gmt>2024-03-01 10:00:00</wp:comment_date_gmt>'
              '<wp:comment_content><![CDATA[%s]]></wp:comment_content>'
              '<wp:comment_approved>%s</wp:comment_approved></wp:comment>\n'
              % (i, name, address, body, "spam" if spam else "1"))
        w('</item>\n')
    w('</channel></rss>\n')


class Api:
    def __init__(self, base, password):
        self.base = base
        self.auth = "Basic " + base64.b64encode(("admin:" + password).encode()).decode()

    def call(self, method, path, body=None, admin=True, raw=False):
        request = urllib.request.Request(self.base + path, method=method,
                                         data=None if body is None else json.dumps(body).encode())
        request.add_header("Content-Type", "application/json")
        if admin:
            request.add_header("Authorization", self.auth)
        with urllib.request.urlopen(request, timeout=120) as answer:
            data = answer.read()
            return data.decode() if raw else (json.loads(data) if data else None)


def settings(api, **changes):
    document = api.call("GET", "/api/admin/settings")
    filter_changes = changes.pop("learnedFilter", {})
    document.update(changes)
    document["learnedFilter"].update(filter_changes)
    api.call("PUT", "/api/admin/settings", document)


def metric(api, name):
    """The samples of one metric family from /q/metrics, as {labels: value}."""
    values = {}
    for line in api.call("GET", "/q/metrics", admin=False, raw=True).splitlines():
        if line.startswith(name):
            key, value = line.rsplit(" ", 1)
            values[key[len(name):]] = float(value)
    return values


def await_learned(api, timeout=600):
    """Seconds until the filter has learned every decision made so far (GET /api/admin/filter: waiting is 0)."""
    started = time.perf_counter()
    while api.call("GET", "/api/admin/filter")["waiting"] > 0:
        if time.perf_counter() - started > timeout:
            raise SystemExit("the learned filter still has decisions waiting after %d s" % timeout)
        time.sleep(0.02)
    return time.perf_counter() - started


def post_many(api, rng, count, tag, spam_every=4):
    latencies, ids = [], []
    for i in range(count):
        name, address, body = comment(rng, i, spam_every > 0 and i % spam_every == 0)
        started = time.perf_counter()
        answer = api.call("POST", "/api/articles/speed-%s-%d/comments" % (tag, i // 100),
                          {"authorName": name, "authorEmail": address, "body": body + " " + tag}, admin=False)
        latencies.append((time.perf_counter() - started) * 1000)
        ids.append(answer["id"])
    return latencies, ids


def run(base, password):
    api = Api(base, password)
    rng = random.Random(99)
    model = api.call("GET", "/api/admin/filter")
    print("model: %d ham + %d spam decisions learned, %d tokens kept (bound %d)"
          % (model["hamLearned"], model["spamLearned"], model["tokens"], model["maxTokens"]))
    settings(api, floodSeconds=0, maxLinks=1000, defaultModeration="POST", learnedFilter={"enabled": True})

    post_many(api, rng, 2000, "warm")
    on, off = [], []
    # on and off in turns of 300 posts, so that warming up and background work fall on both alike
    for turn in range(10):
        settings(api, learnedFilter={"enabled": True})
        on += post_many(api, rng, 300, "on%d" % turn)[0]
        if turn == 9:
            scoring = metric(api, "comments_filter_scoring_seconds")
        settings(api, learnedFilter={"enabled": False})
        off += post_many(api, rng, 300, "off%d" % turn)[0]
    median = scoring['{quantile="0.5"}'] * 1000
    p99 = scoring['{quantile="0.99"}'] * 1000
    print("scoring, timed in the service (last minutes, %d scorings in all): median %.3f ms, p99 %.3f ms, max %.3f ms"
          " (target: median < 0.2 ms)" % (scoring["_count"], median, p99, scoring["_max"] * 1000))
    print("a post as the client sees it (3,000 each, in turns of 300, one connection): median %.3f ms with the filter"
          " on, %.3f ms off"
          % (statistics.median(on), statistics.median(off)))

    settings(api, defaultModeration="PRE", learnedFilter={"enabled": True})
    learning, rejecting = [], []
    for round_ in range(5):
        for action, times in (("spam", learning), ("reject", rejecting)):
            # ordinary comments, all held (PRE), so that both calls change all 200
            _, ids = post_many(api, rng, 200, "bulk-%s%d" % (action, round_), spam_every=0)
            await_learned(api)
            before = metric(api, "comments_filter_training_seconds")
            started = time.perf_counter()
            answer = api.call("POST", "/api/moderation/bulk", {"action": action, "ids": ids})
            took = (time.perf_counter() - started) * 1000
            lag = await_learned(api) * 1000
            time.sleep(0.3)   # the learner times its batch just after the commit that emptied the queue
            learned_ms = (metric(api, "comments_filter_training_seconds")["_sum"] - before["_sum"]) * 1000
            decided = sum(1 for r in answer["results"] if r["outcome"] == "changed")
            times.append(took)
            print("bulk %s of 200 (%d changed): %.0f ms; learned %.0f ms after the answer (learning itself %.0f ms)"
                  % (action, decided, took, lag, learned_ms))
    ratio = statistics.median(learning) / statistics.median(rejecting)
    print("bulk moderation with learning (spam) / without (reject): median %.0f / %.0f ms = %.2fx (target < 2x)"
          % (statistics.median(learning), statistics.median(rejecting), ratio))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "wxr":
        wxr(int(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "run":
        run(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
