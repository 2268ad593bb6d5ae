#!/usr/bin/env bash
# How well the parser's rules follow the *shape* of a name rather than its words: every case of
# the corpus' TUNING part (never the holdout) is rewritten in ways that keep its meaning — dots
# for spaces and back, underscores, lower case, a site's advert in front, two pieces of jargon
# swapped — and scored again. Printed: per kind of rewrite, how many variants there were and how
# many cases that parse right as written go wrong rewritten, then those cases (original, variant,
# the fields that broke). A measurement to write general rules against, not a test: some breaks
# are conventions of the suites (a spaced episode name keeps no group after its codec).
#
#   bench/parser_variants.sh                 debug build of lcarsd
#   VARIANTS="lower site" bench/parser_variants.sh
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/parser_lcarsd.sh
tmp=$(mktemp -d /tmp/lcars-parser-variants.XXXX)
trap 'rm -rf "$tmp"' EXIT

python3 - "$lcarsd" "$tmp" Tests/Fixtures/parser/tuning.jsonl ${VARIANTS:-spaced dotted under lower site swap} <<'PY'
import json, re, subprocess, sys
lcarsd, tmp, corpus, kinds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
EXT = re.compile(r"\.(mkv|mp4|avi|srt|nzb|mk3d|m4v|wmv|ts|flac|mp3|torrent|iso)$", re.I)
JARGON = (r"(?:2160p|1080p|720p|480p|576p|HDTV|WEB-DL|WEBRip|WEB|BluRay|BDRip|DVDRip|x264|x265|h264|h265|H\.264|HEVC|XviD"
          r"|AAC|AC3|DD5\.1|DDP5\.1|10bit)")

def keep_extension(original, variant):
    m = EXT.search(original)
    if m and not variant.endswith(m.group(0)):
        variant = variant[:len(variant) - len(m.group(0))] + m.group(0)
    return variant

def rewrite(kind, n):
    if "/" in n or "\\" in n:
        return None   # paths: their folders carry meaning of their own
    if kind == "spaced" and " " not in n:
        return re.sub(r"(?<=[A-Za-z0-9])\.(?=[A-Za-z])", " ", n)
    if kind == "dotted" and " " in n:
        return re.sub(r"(?<=[A-Za-z0-9\]\)]) (?=[A-Za-z0-9\[\(])", ".", n.replace(" - ", ".-."))
    if kind == "under" and " " in n:
        return re.sub(r"(?<=[A-Za-z0-9]) (?=[A-Za-z0-9])", "_", n)
    if kind == "lower":
        return n.lower()
    if kind == "site":
        return "www.SiteName.org - " + n
    if kind == "swap":
        m = re.search(r"(?<![A-Za-z0-9])(" + JARGON + r")([. ])(" + JARGON + r")(?![A-Za-z0-9])", n, re.I)
        return n[:m.start()] + m.group(3) + m.group(2) + m.group(1) + n[m.end():] if m else None
    return None

def failures(path):
    """name -> failing fields, from `lcarsd parse --score --failures`."""
    out = subprocess.run([lcarsd, "parse", "--score", path, "--failures"], capture_output=True, text=True, check=True).stdout
    failed, field, name = {}, None, None
    for line in out.splitlines():
        m = re.match(r"failures: (\w+) \(", line)
        if m: field = m.group(1); continue
        if field and line.startswith("  ") and not line.startswith("      "): name = line[2:]; continue
        if field and name is not None and line.startswith("      expected"):
            failed.setdefault(name, []).append(f"{field}: {line.strip()}")
    return failed

cases = [json.loads(l) for l in open(corpus)]
base = failures(corpus)
for kind in kinds:
    pairs = []
    for c in cases:
        v = rewrite(kind, c["name"])
        if v is None: continue
        v = keep_extension(c["name"], v)
        if v != c["name"]: pairs.append((c, dict(c, name=v)))
    path = f"{tmp}/{kind}.jsonl"
    with open(path, "w") as f:
        for _, v in pairs: f.write(json.dumps(v, ensure_ascii=False) + "\n")
    broken = failures(path)
    lost = [(c, v) for c, v in pairs if c["name"] not in base and v["name"] in broken]
    print(f"{kind}: {len(pairs)} variants, {len(lost)} cases right as written go wrong rewritten")
    for c, v in lost:
        print(f"  {c['name']}\n    {v['name']}\n      " + "; ".join(broken[v["name"]]))
PY
