#!/usr/bin/python3
"""A libtorrent seeder for the system tests and the torrent benchmark (Debian's python3-libtorrent;
run it with /usr/bin/python3).

    seeder.py --listen 127.0.0.1 [--port 0] [--upload-limit BYTES_PER_S] [--seed-mode] [--high-performance]
              --torrent FILE.torrent:SAVE_DIR [--torrent ...]

Prints JSON lines on stdout: once every torrent is checked and seeding (and has announced to its
trackers, when it has any) {"event": "ready", "port": N, "torrents": [...]}; then a
{"event": "status", ...} line every 0.5 s; {"event": "error", ...} and exit 1 if a torrent fails
or the ready state is not reached within --ready-timeout. SIGTERM/SIGINT: clean shutdown, exit 0."""
import argparse
import signal
import sys
import time

import libtorrent as lt

from ltcommon import emit, global_rate_limits_apply_to_local_peers, session, state_name, torrent_flags

stop = False


def on_signal(_sig, _frame):
    global stop
    stop = True


def key(handle) -> str:
    ih = handle.info_hashes()
    return str(ih.v1) if ih.has_v1() else str(ih.v2)


def torrent_info(handle, st):
    ih = st.info_hashes
    return {"info_hash": str(ih.v1) if ih.has_v1() else str(ih.v2), "name": st.name,
            "state": state_name(st), "progress": st.progress, "uploaded": st.total_payload_upload,
            "peers": st.num_peers, "error": str(st.errmsg.message()) if st.errc.value() else ""}


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--listen", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--upload-limit", type=int, default=0, help="bytes/s per torrent, 0 = none")
    p.add_argument("--seed-mode", action="store_true", help="trust the data: no hash check at start")
    p.add_argument("--torrent", action="append", required=True, metavar="FILE:SAVE_DIR")
    p.add_argument("--high-performance", action="store_true", help="libtorrent's high_performance_seed preset")
    p.add_argument("--ready-timeout", type=float, default=120)
    p.add_argument("--no-wait-announce", action="store_true")
    a = p.parse_args()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    ses = session(a.listen, a.port, "lcars-test-seeder", a.high_performance)
    if a.upload_limit:
        global_rate_limits_apply_to_local_peers(ses)
    handles = []
    for spec in a.torrent:
        path, _, save = spec.rpartition(":")
        atp = lt.add_torrent_params()
        atp.ti = lt.torrent_info(path)
        atp.save_path = save
        atp.flags = torrent_flags(lt.torrent_flags.seed_mode if a.seed_mode else 0) & ~lt.torrent_flags.auto_managed
        h = ses.add_torrent(atp)
        if a.upload_limit:
            h.set_upload_limit(a.upload_limit)
        handles.append(h)

    needs_announce = {key(h): not a.no_wait_announce and len(h.trackers()) > 0 for h in handles}
    announced = set()
    ready = False
    deadline = time.monotonic() + a.ready_timeout
    next_status = 0.0
    while not stop:
        for alert in ses.pop_alerts():
            if isinstance(alert, lt.tracker_reply_alert):
                announced.add(key(alert.handle))
            elif isinstance(alert, (lt.torrent_error_alert, lt.file_error_alert)):
                emit({"event": "error", "message": alert.message()})
                return 1
        statuses = [h.status() for h in handles]
        if not ready:
            seeding = all(st.state == lt.torrent_status.seeding for st in statuses)
            if seeding and all(key(h) in announced or not needs_announce[key(h)] for h in handles):
                ready = True
                emit({"event": "ready", "port": ses.listen_port(), "address": a.listen,
                      "torrents": [torrent_info(h, st) for h, st in zip(handles, statuses)]})
            elif time.monotonic() > deadline:
                emit({"event": "error", "message": "not ready in time",
                      "torrents": [torrent_info(h, st) for h, st in zip(handles, statuses)]})
                return 1
        elif time.monotonic() >= next_status:
            next_status = time.monotonic() + 0.5
            emit({"event": "status", "torrents": [torrent_info(h, st) for h, st in zip(handles, statuses)]})
        ses.wait_for_alert(100)
    for h in handles:
        h.pause()
    emit({"event": "stopped"})
    del ses
    return 0


if __name__ == "__main__":
    sys.exit(main())
