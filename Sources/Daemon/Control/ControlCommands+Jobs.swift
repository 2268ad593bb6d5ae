import Foundation
import Control
import Core

/// `jobs.list` and `jobs.run` (docs/ipc.md "Job commands"): both run on the scheduler's queue,
/// which owns the running runs and the next fire times — never behind the download manager or a
/// job's work (a job runs on its own queue), so they answer at once while a job is busy.
extension ControlCommands {
    static func jobCommands(_ scheduler: Scheduler) -> [String: ControlCommand] {
        [
            JobCommand.list: ControlCommand(.owner(scheduler.owner)) { _ in try JSONValue(encoding: scheduler.list()) },
            JobCommand.run: ControlCommand(.owner(scheduler.owner)) { args in
                try JSONValue(encoding: scheduler.runNow(try Self.args(args, JobCommand.RunArgs.self).name))
            },
        ]
    }
}
