import CProcess
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The pre-fork master: starts `count` workers on the shared socket, replaces any that exits
/// (crashed, killed, or recycled after its request quota), and on SIGTERM/SIGINT stops them
/// gracefully — each finishes the request in hand — escalating to SIGKILL after the grace period.
/// It stays single-threaded so that fork() is safe.
final class PoolMaster {
    let count: Int
    let grace: TimeInterval
    let logger: Logger
    /// Runs in the child after fork and returns its exit status.
    let workerBody: () -> Int32
    private var workers: [pid_t: Date] = [:]
    private var respawnNotBefore = Date.distantPast

    init(count: Int, grace: TimeInterval, logger: Logger, workerBody: @escaping () -> Int32) {
        self.count = count
        self.grace = grace
        self.logger = logger
        self.workerBody = workerBody
    }

    func run() -> Int32 {
        lcars_block_control_signals()
        fillPool()
        logger.notice("responder pool started", metadata: ["workers": "\(count)"])
        while true {
            let signal = lcars_wait_signal(500)
            switch signal {
            case SIGTERM, SIGINT:
                stopAll()
                return 0
            case SIGHUP:
                // Recycle every worker, e.g. to pick up a new binary; the pool refills itself.
                workers.keys.forEach { kill($0, SIGTERM) }
            default:
                reap()
                fillPool()
            }
        }
    }

    private func fillPool() {
        guard Date() >= respawnNotBefore else { return }
        while workers.count < count {
            let pid = lcars_fork()
            if pid == 0 {
                lcars_reset_signals_in_child()
                exit(workerBody())
            }
            guard pid > 0 else {
                logger.error("fork failed", metadata: ["errno": "\(errno)"])
                respawnNotBefore = Date().addingTimeInterval(1)
                return
            }
            workers[pid] = Date()
        }
    }

    private func reap() {
        var status: Int32 = 0
        while case let pid = waitpid(-1, &status, WNOHANG), pid > 0 {
            guard let started = workers.removeValue(forKey: pid) else { continue }
            let signaled = (status & 0x7f) != 0
            let code = (status >> 8) & 0xff
            if signaled || code != 0 {
                logger.warning("worker died; replacing it", metadata: ["pid": "\(pid)", "signal": "\(signaled ? status & 0x7f : 0)", "exit": "\(code)"])
                // A worker that dies right after starting would otherwise be re-forked in a tight loop.
                if Date().timeIntervalSince(started) < 1 { respawnNotBefore = Date().addingTimeInterval(1) }
            }
        }
    }

    private func stopAll() {
        logger.notice("stopping responder pool", metadata: ["workers": "\(workers.count)"])
        workers.keys.forEach { kill($0, SIGTERM) }
        let deadline = Date().addingTimeInterval(grace)
        while !workers.isEmpty, Date() < deadline {
            _ = lcars_wait_signal(100)
            reap()
        }
        for pid in workers.keys {
            logger.warning("worker did not stop in time; killing it", metadata: ["pid": "\(pid)"])
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        workers.removeAll()
    }
}
