#!/usr/bin/env python3
"""Writes N deterministic, realistic mention records as JSON lines to stdout.

Usage: gen-mentions.py N [--seed S] [--classified]

Records follow docs/format.md, with Unicode (accents, emoji, CJK), escapes (quotes,
backslashes, newlines, control characters), nested unknown keys, a few repeated ids, and
with --classified the keys classify adds. The text is synthetic, made from word lists here.
"""
import json
import random
import sys

WORDS = {
    "en": "the app is down again my internet router service support billing refund thanks "
          "great fast slow waiting still why does anyone know how to fix tip try settings "
          "reset account order delivery late broken love awesome terrible help please".split(),
    "nl": "de storing werkt niet weer mijn internet modem klantenservice factuur opzeggen "
          "bedankt super snel traag wachten nog steeds weet iemand hoe tip probeer "
          "instellingen account bestelling bezorging kapot geweldig slecht help graag".split(),
    "it": "il servizio non funziona ancora la mia connessione modem assistenza bolletta "
          "rimborso grazie ottimo veloce lento aspetto qualcuno sa come prova impostazioni "
          "ordine consegna rotto perché però benissimo pessimo aiuto".split(),
    "de": "der dienst ist kaputt schon wieder mein internet router kundenservice rechnung "
          "kündigen danke super schnell langsam warte immer noch weiß jemand wie tipp "
          "einstellungen bestellung lieferung später großartig schlecht hilfe bitte".split(),
    "fr": "le service ne marche pas encore ma connexion box facture remboursement merci "
          "génial rapide lent attends toujours quelqu'un sait comment astuce essayez "
          "paramètres commande livraison cassé très déçu aide".split(),
    "es": "el servicio no funciona otra vez mi conexión router factura reembolso gracias "
          "genial rápido lento espero todavía alguien sabe cómo consejo prueba ajustes "
          "pedido entrega roto pésimo ayuda por favor".split(),
}
EXTRAS = ["😀", "😡", "👍", "🙏", "東京", "Ünïcödé", "\"quoted\"", "back\\slash", "tab\there",
          "line\nbreak", "\u0001ctl", "Service", "SERVICE", "#acme", "@acme", "https://t.co/x1"]
CLASSES = ["complaint", "question", "praise", "expert-tip", "other"]
ADVICE = {"complaint": "respond", "question": "respond", "praise": "amplify",
          "expert-tip": "amplify", "other": "none"}
SOURCES = ["feed", "mastodon", "reddit", "hn", "discourse"]


def iso(t):
    import datetime
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    classified = "--classified" in sys.argv
    rng = random.Random(seed)
    start = 1795478400 - 30 * 86400  # 30 days before 2026-11-24
    out = sys.stdout
    for i in range(n):
        lang = rng.choice(list(WORDS))
        words = [rng.choice(WORDS[lang]) for _ in range(rng.randint(6, 40))]
        for _ in range(rng.randint(0, 2)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(EXTRAS))
        text = " ".join(words)
        ident = i if rng.random() > 0.01 else rng.randrange(max(i, 1))  # ~1% repeated ids
        published = start + rng.randrange(31 * 86400)
        source = SOURCES[ident % len(SOURCES)]
        rec = {
            "id": f"{source}:https://example.org/{lang}/{ident}",
            "source": source,
            "feed": {"url": "https://example.org/feed.xml", "title": "Example"},
            "channel": "public" if rng.random() > 0.05 else "private",
            "url": f"https://example.org/{lang}/{ident}",
            "title": None if rng.random() > 0.3 else " ".join(words[:4]),
            "text": text,
            "author": f"@user{rng.randrange(5000)}",
            "author_name": rng.choice(["Anna", "Jürgen", "Zoë", "李", None]),
            "published": iso(published) if rng.random() > 0.02 else None,
            "fetched": iso(start + 31 * 86400),
            "lang": lang if rng.random() > 0.05 else None,
            "tags": rng.sample(["acme", "support", "outage", "tip"], rng.randint(0, 2)),
            "parent": None,
            "thread": None,
            "engagement": {"replies": rng.randrange(20), "likes": rng.randrange(200),
                           "shares": rng.choice([None, rng.randrange(10)])},
            "reach": rng.choice([None, rng.randrange(100000)]),
            "answered_at": None,
            "answered_by": None,
            "x_vendor": {"nested": {"deep": [1, {"k": "v\u00e9"}], "n": rng.random()}},
        }
        if classified:
            cls = rng.choice(CLASSES)
            rec["class"] = cls
            rec["confidence"] = round(rng.uniform(0.3, 1.0), 3)
            rec["advice"] = ADVICE[cls]
            rec["pii"] = []
        out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
