"""bench/crash.sh's driver: the crash-safety scenario of Tests/system/test_crash_safety.py with
more kills and a bigger torrent, on the real stack (conftest.Stack: lcarsd + pool + nginx from
LCARS_BIN_DIR). Prints the figures and checks the same bounds as the test; exit 1 if one fails.

    LCARS_BIN_DIR=... python3 bench/crash_run.py KILLS SIZE_MIB RATE_KIB SEED"""
import pathlib
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Tests/system"))
from conftest import Stack  # noqa: E402
from test_crash_safety import SETTINGS, check, crash_run  # noqa: E402


def main() -> int:
    kills, size_mib, rate_kib, seed = (int(x) for x in sys.argv[1:5])
    stack = Stack(SETTINGS).start()
    try:
        with tempfile.TemporaryDirectory(prefix="lcars-crash-", dir="/tmp") as tmp:
            figures = crash_run(stack, pathlib.Path(tmp), kills=kills, seed=seed, size=size_mib << 20,
                                rate=rate_kib << 10, delay=(0.2, 2.0))
        extra = figures["extra"]
        print(f"torrent {figures['size']} bytes in {figures['size'] // figures['piece']} pieces of "
              f"{figures['piece']}; seeder limited to {figures['rate']} B/s; {kills} kills (seed {seed})")
        print(f"bytes sent by the seeder: {figures['uploaded']} = size + {extra} "
              f"({extra / figures['piece']:.1f} pieces in all, {extra / kills / 1024:.1f} KiB per kill)")
        print(f"bound (size + kills x (piece + slack)): {figures['bound']}; restarts that found pieces on disk: "
              f"{figures['kept_after_crash']}; integrity_check: {figures['integrity']}; {figures['seconds']} s")
        try:
            check(figures)
        except AssertionError as failure:
            print(f"FAILED: {failure}")
            return 1
        print("ok: complete, correct, nothing downloaded twice beyond the bound, row = engine")
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
