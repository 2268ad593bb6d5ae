// Process control that Swift cannot express safely: fork, async-signal-safe stop flags, signal masks.
#ifndef LCARS_CPROCESS_H
#define LCARS_CPROCESS_H
#include <sys/types.h>

/// fork(2). Call only while the process has a single thread.
pid_t lcars_fork(void);

/// Blocks SIGTERM, SIGINT, SIGHUP and SIGCHLD so that lcars_wait_signal can collect them.
int lcars_block_control_signals(void);

/// Unblocks every signal, restores default dispositions and asks for SIGTERM when the parent
/// dies (for a freshly forked child).
int lcars_reset_signals_in_child(void);

/// Waits up to timeout_ms for a blocked control signal; returns its number, or 0 on timeout.
int lcars_wait_signal(int timeout_ms);

/// SIGTERM and SIGINT set a flag instead of killing; syscalls they interrupt fail with EINTR
/// (no SA_RESTART), so a process blocked in accept() notices at once. SIGPIPE is ignored.
int lcars_install_stop_flag(void);

/// 1 once SIGTERM or SIGINT arrived after lcars_install_stop_flag.
int lcars_stop_requested(void);

/// Holds back (block = 1) or lets through (block = 0) SIGTERM and SIGINT, so that a request
/// in progress is never interrupted half-way; a signal that came meanwhile is delivered on release.
int lcars_hold_stop_signals(int block);

/// Runs argv (argv[0] looked up in PATH; argv ends with NULL) with stdin and stderr on /dev/null,
/// signals unblocked, and collects up to cap bytes of its stdout into out (the rest is read and
/// dropped). Kills it with SIGKILL after timeout_ms. Returns the bytes collected, or -1 with errno
/// when it could not start; *status is the wait status, or -1 when the timeout killed it.
/// posix_spawn, not fork: safe in a multi-threaded process.
long lcars_run_capture(char *const argv[], int timeout_ms, char *out, long cap, int *status);
#endif
