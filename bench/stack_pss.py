#!/usr/bin/env python3
"""The proportional set size of a group of processes as if nothing else ran on the machine.

The kernel's Pss divides each shared page among every process mapping it: a Swift build or
another Swift program mapping libFoundation.so at the same moment lowers the stack's figure, a
quiet machine raises it. Here each resident page (from /proc/PID/pagemap, which gives page frame
numbers to root only) is divided among the given processes alone, so the figure is what the
stack costs by itself, whatever else runs.

    stack_pss.py POOL_PIDS -- NGINX_PIDS -- LCARSD_PIDS   prints "pool nginx lcarsd" in kB
"""
import struct
import sys

PAGE_KB = 4
PRESENT = 1 << 63
PFN_MASK = (1 << 55) - 1


def frames(pid: int) -> list[int]:
    """Page frame numbers of every resident page of `pid` (vsyscall excluded: no pagemap)."""
    result = []
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        for line in maps:
            fields = line.split()
            if len(fields) > 5 and fields[5] == "[vsyscall]":
                continue
            low, high = (int(x, 16) for x in fields[0].split("-"))
            pagemap.seek(low // 4096 * 8)
            for (entry,) in struct.iter_unpack("<Q", pagemap.read((high - low) // 4096 * 8)):
                if entry & PRESENT and entry & PFN_MASK:
                    result.append(entry & PFN_MASK)
    return result


def main(argv: list[str]) -> None:
    groups, current = [], []
    for arg in argv:
        if arg == "--":
            groups.append(current)
            current = []
        else:
            current.append(int(arg))
    groups.append(current)
    per_pid = {pid: frames(pid) for group in groups for pid in group}
    sharers: dict[int, int] = {}
    for pfns in per_pid.values():
        for pfn in set(pfns):
            sharers[pfn] = sharers.get(pfn, 0) + 1
    print(" ".join(str(round(sum(PAGE_KB / sharers[pfn] for pid in group for pfn in per_pid[pid])))
                   for group in groups))


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except (PermissionError, FileNotFoundError, ProcessLookupError):
        print("0 0 0")   # not root, or a process is gone: the line says "n/a"
