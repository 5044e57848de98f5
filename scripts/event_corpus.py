"""The project's labelled event corpus: compile the hand-written sources, validate, count.

    python scripts/event_corpus.py compile     # training/events/src/*.txt -> training/events/sentences.jsonl
    python scripts/event_corpus.py validate    # check sentences.jsonl (exit 1 on any problem)
    python scripts/event_corpus.py stats       # counts by type, mode, modality and construction

The corpus is wire-style English written for dateline (no sentence is copied from any
evaluation set or article). Sources are plain text, one sentence a line:

    TYPE[.mode] [modality] | sentence with [actor] <trigger> {recipient} #tag #tag

* TYPE is one of the 16 PLOVER types, or NONE for a sentence whose marked word looks like an
  event but is not one (a figure of speech, sports, markets, a non-event use of an event verb).
  A NONE line without a marked word says that no verb of the sentence is an event.
* mode is one of the type's modes (codes.toml [modes]); modality is asserted (default), future,
  historical, hypothetical or negated.
* <...> marks the trigger of the sentence's main event (one word, or a verb and its particle or
  object: the first word is the trigger token); [...] its actor (source) and {...} its recipient
  (target), as many as the sentence has.
* <<word=TYPE[.mode][:modality]>> marks another event of the sentence, or a decoy
  (<<word=NONE>>). Verbs that are neither marked nor governed by a marked trigger are taken to be
  no event when the model is trained, so mark every other event of a sentence.
* #tags name the constructions the sentence exercises (passive, negation, conditional,
  reported, figurative, sports, markets, historical, planned, ...).
* Lines starting with "#" and blank lines are ignored; "@file-tag" lines add a tag to every
  following line of the file.

Each JSONL record: id, text, type, mode, modality, trigger {start, end, text}, actors and
recipients ([{start, end, text}]), also ([{type, mode, modality, trigger}]), tags, source.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "training" / "events" / "src"
OUT = ROOT / "training" / "events" / "sentences.jsonl"

_MARK = re.compile(r"<<([^<>=]+)=([A-Z]+)(?:\.([a-z-]+))?(?::([a-z]+))?>>|<([^<>]+)>|\[([^\[\]]+)\]|\{([^{}]+)\}")


class CorpusError(ValueError):
    pass


def _lexicon():
    sys.path.insert(0, str(ROOT / "src"))
    from dateline.events import lexicon

    return lexicon


def parse_line(line: str, where: str) -> dict:
    """One source line -> one record (without id)."""
    head, sep, body = line.partition("|")
    if not sep:
        raise CorpusError(f"{where}: no '|' between the label and the sentence")
    label = head.split()
    if not label:
        raise CorpusError(f"{where}: no label")
    etype, _, mode = label[0].partition(".")
    modality = label[1] if len(label) > 1 else "asserted"
    tags = re.findall(r"(?<!\S)#([a-z][a-z-]*)", body)
    body = re.sub(r"\s+#[a-z][a-z-]*", "", body).strip()
    text = []
    pos = 0
    trigger = None
    actors, recipients, also = [], [], []
    for m in _MARK.finditer(body):
        text.append(body[pos : m.start()])
        start = sum(len(t) for t in text)
        inner = next(g for g in (m.group(1), m.group(5), m.group(6), m.group(7)) if g is not None)
        span = {"start": start, "end": start + len(inner), "text": inner}
        text.append(inner)
        pos = m.end()
        if m.group(1) is not None:
            also.append(
                {
                    "type": m.group(2),
                    "mode": m.group(3),
                    "modality": m.group(4) or ("asserted" if m.group(2) != "NONE" else None),
                    "trigger": span,
                }
            )
        elif m.group(5) is not None:
            if trigger is not None:
                raise CorpusError(f"{where}: two main triggers")
            trigger = span
        elif m.group(6) is not None:
            actors.append(span)
        else:
            recipients.append(span)
    text.append(body[pos:])
    return {
        "text": "".join(text),
        "type": etype,
        "mode": mode or None,
        "modality": modality if etype != "NONE" else None,
        "trigger": trigger,
        "actors": actors,
        "recipients": recipients,
        "also": also,
        "tags": tags,
        "source": "hand",
    }


def compile_sources(src: Path = SRC) -> list[dict]:
    records = []
    for path in sorted(src.glob("*.txt")):
        file_tags: list[str] = []
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                file_tags.append(line[1:].strip())
                continue
            rec = parse_line(line, f"{path.name}:{n}")
            rec["tags"] = sorted(set(rec["tags"]) | set(file_tags))
            rec["file"] = path.stem
            records.append(rec)
    for k, rec in enumerate(records):
        rec["id"] = f"ev{k + 1:05d}"
    return records


def validate(records: list[dict]) -> list[str]:
    lx = _lexicon()
    problems = []
    seen: dict[str, str] = {}
    for rec in records:
        rid, text = rec["id"], rec["text"]
        where = f"{rid} ({rec.get('file', '?')})"
        key = re.sub(r"\W+", " ", text.lower()).strip()
        if key in seen:
            problems.append(f"{where}: the same sentence as {seen[key]}")
        seen[key] = rid
        if rec["type"] != "NONE" and rec["type"] not in lx.PLOVER_TYPES:
            problems.append(f"{where}: unknown type {rec['type']!r}")
            continue
        if rec["type"] != "NONE":
            if rec["trigger"] is None:
                problems.append(f"{where}: an event without a <trigger>")
            if rec["mode"] and rec["mode"] not in lx.MODES[rec["type"]]:
                problems.append(f"{where}: mode {rec['mode']!r} is not one of {rec['type']}'s")
            if rec["modality"] not in lx.MODALITIES:
                problems.append(f"{where}: unknown modality {rec['modality']!r}")
        elif rec["mode"] or rec["actors"] or rec["recipients"]:
            problems.append(f"{where}: a NONE sentence with a mode, actors or recipients")
        for a in rec["also"]:
            if a["type"] != "NONE" and a["type"] not in lx.PLOVER_TYPES:
                problems.append(f"{where}: unknown type {a['type']!r} of <<{a['trigger']['text']}>>")
            elif a["mode"] and a["mode"] not in lx.MODES.get(a["type"], ()):
                problems.append(f"{where}: mode {a['mode']!r} is not one of {a['type']}'s")
            if a["modality"] is not None and a["modality"] not in lx.MODALITIES:
                problems.append(f"{where}: unknown modality {a['modality']!r}")
        spans = [rec["trigger"]] if rec["trigger"] else []
        spans += rec["actors"] + rec["recipients"] + [a["trigger"] for a in rec["also"]]
        for s in spans:
            if text[s["start"] : s["end"]] != s["text"] or not s["text"].strip():
                problems.append(f"{where}: span {s} does not match the text")
        if re.search(r"[<>\[\]{}|]", text):
            problems.append(f"{where}: annotation characters left in the text: {text!r}")
        if len(text) < 20 or not re.search(r"[.!?\"']$", text.strip()):
            problems.append(f"{where}: not a whole sentence: {text!r}")
    return problems


def stats(records: list[dict]) -> str:
    lx = _lexicon()
    by_type = Counter(r["type"] for r in records)
    by_mode = Counter((r["type"], r["mode"]) for r in records if r["mode"])
    by_modality = Counter(r["modality"] for r in records if r["modality"])
    by_tag = Counter(t for r in records for t in r["tags"])
    also = Counter(a["type"] for r in records for a in r["also"])
    lines = [f"{len(records)} sentences; {sum(also.values())} further marked triggers"]
    lines.append("types: " + ", ".join(f"{t} {by_type[t]}" for t in [*lx.PLOVER_TYPES, "NONE"]))
    missing = [f"{t}.{m}" for t in lx.PLOVER_TYPES for m in sorted(lx.MODES[t]) if not by_mode[(t, m)]]
    lines.append("modes: " + ", ".join(f"{t}.{m} {n}" for (t, m), n in sorted(by_mode.items())))
    lines.append("modes without a sentence: " + (", ".join(missing) or "none"))
    lines.append("modality: " + ", ".join(f"{k} {v}" for k, v in by_modality.most_common()))
    lines.append("constructions: " + ", ".join(f"{k} {v}" for k, v in by_tag.most_common()))
    lines.append("further triggers: " + ", ".join(f"{k} {v}" for k, v in also.most_common()))
    return "\n".join(lines)


def read(path: Path = OUT) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python scripts/event_corpus.py",
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  python scripts/event_corpus.py compile && python scripts/event_corpus.py validate",
    )
    ap.add_argument("command", choices=["compile", "validate", "stats"])
    args = ap.parse_args(argv)
    if args.command == "compile":
        try:
            records = compile_sources()
        except CorpusError as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
        problems = validate(records)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            print(f"{len(problems)} problems; nothing written", file=sys.stderr)
            return 1
        OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        print(f"wrote {len(records)} sentences to {OUT.relative_to(ROOT)}")
        return 0
    records = read()
    if args.command == "validate":
        problems = validate(records)
        # the JSONL must be what the sources compile to (edit the sources, then compile)
        if SRC.is_dir():
            compiled = compile_sources()
            if [json.dumps(r, sort_keys=True) for r in compiled] != [json.dumps(r, sort_keys=True) for r in records]:
                problems.append("sentences.jsonl differs from what training/events/src compiles to: run compile")
        print("\n".join(problems) if problems else f"ok: {len(records)} sentences", file=sys.stderr)
        return 1 if problems else 0
    print(stats(records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
