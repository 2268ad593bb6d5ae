#!/usr/bin/python3
"""Creates a .torrent with libtorrent (Debian's python3-libtorrent; run with /usr/bin/python3).

    mktorrent.py --out FILE.torrent [--tracker URL ...] [--piece-size BYTES] [--version v1|hybrid|v2] PATH
    mktorrent.py --out-dir DIR [...] PATH [PATH ...]     (one DIR/<name>.torrent per PATH)

PATH is a file (single-file torrent) or a directory (multi-file torrent named after it). Prints one
JSON line per torrent: info_hash (v1 hex, or v2 for v2-only), info_hash_v2, name, total_size,
piece_size, num_pieces, path (the .torrent)."""
import argparse
import json
import os
import sys

import libtorrent as lt


def make(path: str, out: str, trackers: list[str], piece_size: int, version: str) -> dict:
    path = os.path.abspath(path)
    fs = lt.file_storage()
    lt.add_files(fs, path)
    if fs.num_files() == 0:
        raise SystemExit(f"mktorrent: no files under {path}")
    flags = {"v1": lt.create_torrent.v1_only, "hybrid": 0, "v2": lt.create_torrent.v2_only}[version]
    ct = lt.create_torrent(fs, piece_size, flags=flags)
    for tier, url in enumerate(trackers):
        ct.add_tracker(url, tier)
    ct.set_creator("lcars-tests")
    lt.set_piece_hashes(ct, os.path.dirname(path))
    data = lt.bencode(ct.generate())
    with open(out, "wb") as f:
        f.write(data)
    ti = lt.torrent_info(data)
    ih = ti.info_hashes()
    return {"info_hash": str(ih.v1) if ih.has_v1() else str(ih.v2),
            "info_hash_v2": str(ih.v2) if ih.has_v2() else "",
            "name": ti.name(), "total_size": ti.total_size(), "piece_size": ti.piece_length(),
            "num_pieces": ti.num_pieces(), "path": os.path.abspath(out)}


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("paths", nargs="+", metavar="PATH")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--out")
    out.add_argument("--out-dir")
    p.add_argument("--tracker", action="append", default=[])
    p.add_argument("--piece-size", type=int, default=0, help="0 = libtorrent picks")
    p.add_argument("--version", choices=["v1", "hybrid", "v2"], default="v1")
    a = p.parse_args()
    if a.out and len(a.paths) != 1:
        p.error("--out takes one PATH; use --out-dir for several")
    for path in a.paths:
        target = a.out or os.path.join(a.out_dir, os.path.basename(os.path.abspath(path)) + ".torrent")
        print(json.dumps(make(path, target, a.tracker, a.piece_size, a.version)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
