#!/usr/bin/env python3
"""Writes N classified mentions as JSON lines (record v1 + classify keys) to stdout, for the
report benchmark and the shard-merge test. Usage: gen_classified.py N SEED END DAYS
END is an RFC 3339 time; mentions are spread over the DAYS days before it. Our own text."""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

n, seed, end, days = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
rng = random.Random(seed)
end_t = datetime.strptime(end, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
span = int(days * 86400)

TEXT = {
    "en": {
        "complaint": ["Still no internet after the {x} outage, {b} please fix it",
                      "Third day waiting for the engineer, {b} support is useless",
                      "My bill doubled this month, {b} charged me twice for {x}",
                      "The {x} app keeps crashing since the update, really annoying"],
        "question": ["How do I reset the {x} modem from {b}?", "Does {b} offer {x} in my area?",
                     "Anyone know when the {b} outage will be fixed?"],
        "praise": ["Great service from {b} today, the {x} install was quick",
                   "Thanks {b}, the new {x} plan works perfectly"],
        "expert-tip": ["Tip: restart the {x} router and wait two minutes, fixes most drops",
                       "If the {b} app hangs, clear its cache in settings"],
        "other": ["Saw a {b} van in the street this morning", "{b} opens a new shop downtown"],
    },
    "nl": {
        "complaint": ["Al twee dagen geen internet, storing bij {b} duurt te lang",
                      "Factuur van {b} klopt weer niet, dubbel betaald voor {x}"],
        "question": ["Weet iemand hoe ik de {x} modem van {b} reset?"],
        "praise": ["Top service van {b}, monteur was heel vriendelijk"],
        "expert-tip": ["Tip: zet de {x} router even uit en weer aan"],
        "other": ["{b} sponsort het festival dit jaar"],
    },
    "it": {
        "complaint": ["Ancora senza internet, il guasto {b} non finisce mai"],
        "question": ["Come si configura il modem {x} di {b}?"],
        "praise": ["Grazie {b}, il nuovo abbonamento {x} funziona benissimo"],
        "expert-tip": ["Consiglio: riavviate il modem e aspettate due minuti"],
        "other": ["{b} apre un nuovo negozio a Milano"],
    },
    "de": {
        "complaint": ["Seit gestern kein Internet, die Störung bei {b} nervt"],
        "question": ["Wie stelle ich den {x} Router von {b} ein?"],
        "praise": ["Super Service von {b}, danke"],
        "expert-tip": ["Tipp: Router kurz vom Strom nehmen, dann geht es wieder"],
        "other": ["{b} eröffnet einen Laden in Berlin"],
    },
}
CLASSES = ["complaint", "question", "praise", "expert-tip", "other"]
WEIGHTS = [30, 15, 20, 10, 25]
LANGS = ["en", "en", "en", "nl", "it", "de"]
SOURCES = ["mastodon", "feed", "reddit", "hn", "forum", "import"]
THINGS = ["fibre", "5G", "TV", "modem", "router", "mobile", "billing"]
ADVICE = {"complaint": "respond", "question": "respond", "praise": "amplify",
          "expert-tip": "amplify", "other": "none"}
out = sys.stdout
for i in range(n):
    t = end_t - timedelta(seconds=rng.randrange(span))
    cls = rng.choices(CLASSES, WEIGHTS)[0]
    lang = rng.choice(LANGS)
    source = rng.choice(SOURCES)
    text = rng.choice(TEXT[lang][cls]).format(b="Acme", x=rng.choice(THINGS))
    answered = None
    if cls in ("complaint", "question") and rng.random() < 0.5:
        answered = (t + timedelta(minutes=rng.randrange(10, 4000))).strftime("%Y-%m-%dT%H:%M:%SZ")
    advice = ADVICE[cls]
    if cls == "complaint" and rng.random() < 0.05:
        advice = "respond-private"
    rec = {"id": f"{source}:{seed}-{i}", "source": source, "feed": None, "channel": "public",
           "url": f"https://social.example/{source}/{i}", "title": None, "text": text,
           "author": f"user{rng.randrange(5000)}", "author_name": None,
           "published": t.strftime("%Y-%m-%dT%H:%M:%SZ"), "fetched": end, "lang": lang,
           "tags": [], "parent": None, "thread": None,
           "engagement": {"replies": rng.randrange(5), "likes": rng.randrange(40), "shares": None},
           "reach": rng.randrange(10000) if rng.random() < 0.5 else None,
           "answered_at": answered, "answered_by": "acme_care" if answered else None,
           "class": cls, "confidence": round(rng.uniform(0.4, 0.99), 2),
           "scores": {c: 0.1 for c in CLASSES}, "cues": [], "advice": advice, "pii": []}
    out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
