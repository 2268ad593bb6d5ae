#!/usr/bin/python3
"""A libtorrent downloader for testing the swarm tooling (Debian's python3-libtorrent; run with
/usr/bin/python3).

    leecher.py --listen 127.0.0.1 | --interface DEV  --save DIR (--magnet URI | --torrent FILE) [--timeout 120]

Prints a JSON line every 0.5 s ({"event": "status", "port", "state", "progress", "downloaded", "peers"}),
then {"event": "finished", "seconds": S, "downloaded": BYTES} and exits 0 once every piece is
downloaded and verified; exits 2 on timeout, 1 on a torrent error, 0 after SIGTERM."""
import argparse
import signal
import sys
import time

import libtorrent as lt

from ltcommon import emit, session, state_name, torrent_flags

stop = False


def on_signal(_sig, _frame):
    global stop
    stop = True


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--listen", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--interface", default="", help="bind to this device (SO_BINDTODEVICE) instead of --listen")
    p.add_argument("--save", required=True)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--magnet")
    g.add_argument("--torrent")
    p.add_argument("--timeout", type=float, default=120)
    a = p.parse_args()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    ses = session(a.listen, a.port, "lcars-test-leecher", interface=a.interface)
    if a.magnet:
        atp = lt.parse_magnet_uri(a.magnet)
    else:
        atp = lt.add_torrent_params()
        atp.ti = lt.torrent_info(a.torrent)
    atp.save_path = a.save
    atp.flags = torrent_flags() & ~lt.torrent_flags.auto_managed
    h = ses.add_torrent(atp)
    start = time.monotonic()
    deadline = start + a.timeout
    next_status = 0.0
    while not stop:
        for alert in ses.pop_alerts():
            if isinstance(alert, (lt.torrent_error_alert, lt.file_error_alert)):
                emit({"event": "error", "message": alert.message()})
                return 1
        st = h.status()
        if time.monotonic() >= next_status:
            next_status = time.monotonic() + 0.5
            emit({"event": "status", "port": ses.listen_port(), "state": state_name(st), "progress": st.progress,
                  "downloaded": st.total_payload_download, "peers": st.num_peers,
                  "has_metadata": st.has_metadata})
        if st.has_metadata and st.is_seeding:
            emit({"event": "finished", "seconds": round(time.monotonic() - start, 3),
                  "downloaded": st.total_payload_download})
            return 0
        if time.monotonic() > deadline:
            emit({"event": "timeout", "state": state_name(st), "progress": st.progress})
            return 2
        ses.wait_for_alert(100)
    return 0


if __name__ == "__main__":
    sys.exit(main())
