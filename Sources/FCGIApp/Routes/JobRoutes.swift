import Foundation
import Control
import Core

/// GET /api/system/jobs and POST /api/system/jobs/:name/run (admin): lcarsd's scheduled jobs,
/// asked over the control socket (lcarsd owns the schedule and what is running now; 503 while it
/// is down). The answers are lcarsd's `JobView`s as they are.
enum JobRoutes {
    static let routes = [
        Route("GET", "/api/system/jobs", .admin, list),
        Route("POST", "/api/system/jobs/:name/run", .admin, run),
    ]

    static func list(_ ctx: RequestContext) throws -> HTTPResponse {
        let jobs = try DaemonCall.run(ctx, JobCommand.list, [String: String]()).decode([JobCommand.JobView].self)
        return try .json(jobs)
    }

    /// 202: the run has started (recorded `running`); it goes on in lcarsd. 409 while it runs, 404
    /// for a name lcarsd does not run.
    static func run(_ ctx: RequestContext) throws -> HTTPResponse {
        let name = ctx.params["name"] ?? ""
        let job = try DaemonCall.run(ctx, JobCommand.run, JobCommand.RunArgs(name: name)).decode(JobCommand.JobView.self)
        return try .json(job, status: 202)
    }
}
