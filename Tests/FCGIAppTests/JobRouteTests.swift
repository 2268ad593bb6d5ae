import Foundation
import Testing
@testable import Control
@testable import Core
@testable import FCGIApp

/// GET /api/system/jobs and POST /api/system/jobs/:name/run in-process, lcarsd played by the stub:
/// lcarsd's answers pass through, its errors become 404 / 409, a daemon that is down 503, and only
/// admins may ask.
@Suite struct JobRouteTests {
    static let job = JobCommand.JobView(name: "refresh_metadata", schedule: "0 0 2 * * *", next_run_at: "2026-03-02T02:00:00Z",
                                        running: true, last_run: .init(started_at: "2026-03-01T12:00:00Z", finished_at: nil,
                                                                      status: .running, items: 0, error: nil))

    @Test func theListIsLcarsdsJobs() throws {
        let t = try TestApp()
        let idle = JobCommand.JobView(name: "check_new_releases", schedule: "0 0 3 * * *", next_run_at: "2026-03-02T03:00:00Z",
                                      running: false, last_run: nil)
        t.daemon.answer(JobCommand.list, with: [Self.job, idle])
        let answer = t.send("GET", "/api/system/jobs", token: t.adminToken)
        #expect(answer.status == 200)
        #expect(answer.array.map { $0["name"] as? String } == ["refresh_metadata", "check_new_releases"])
        let last = try #require(answer.array[0]["last_run"] as? [String: Any])
        #expect(last["status"] as? String == "running" && last["items"] as? Int == 0 && last["finished_at"] == nil)
        #expect(answer.array[1]["last_run"] == nil && answer.array[1]["running"] as? Bool == false)
        #expect(answer.array[1]["next_run_at"] as? String == "2026-03-02T03:00:00Z")
    }

    @Test func runAnswers202AndAsksForTheNamedJob() throws {
        let t = try TestApp()
        t.daemon.answer(JobCommand.run, with: Self.job)
        let answer = t.send("POST", "/api/system/jobs/refresh_metadata/run", token: t.adminToken)
        #expect(answer.status == 202 && answer.object["running"] as? Bool == true)
        #expect(t.daemon.calls.last?.cmd == JobCommand.run)
        #expect(try t.daemon.calls.last?.args.decode(JobCommand.RunArgs.self).name == "refresh_metadata")
    }

    @Test func lcarsdsRefusalsBecome404And409() throws {
        let t = try TestApp()
        t.daemon.fail(JobCommand.run, code: "not_found", message: "no job named \"nope\"; lcarsd runs: refresh_metadata")
        let unknown = t.send("POST", "/api/system/jobs/nope/run", token: t.adminToken)
        #expect(unknown.status == 404 && unknown.errorMessage?.hasPrefix("no job named \"nope\"") == true)
        t.daemon.fail(JobCommand.run, code: "conflict", message: "refresh_metadata is already running")
        let busy = t.send("POST", "/api/system/jobs/refresh_metadata/run", token: t.adminToken)
        #expect(busy.status == 409 && busy.errorCode == "conflict")
    }

    @Test func aDaemonThatIsDownIs503() throws {
        let t = try TestApp()
        #expect(t.send("GET", "/api/system/jobs", token: t.adminToken).status == 503)
        let run = t.send("POST", "/api/system/jobs/refresh_metadata/run", token: t.adminToken)
        #expect(run.status == 503 && run.errorCode == "daemon_unavailable")
    }

    @Test func onlyAdmins() throws {
        let t = try TestApp()
        t.daemon.answer(JobCommand.list, with: [Self.job])
        #expect(t.send("GET", "/api/system/jobs", token: t.userToken).status == 403)
        #expect(t.send("POST", "/api/system/jobs/refresh_metadata/run", token: t.userToken).status == 403)
        #expect(t.send("GET", "/api/system/jobs").status == 401)
        #expect(t.send("DELETE", "/api/system/jobs", token: t.adminToken).status == 405)
        #expect(t.daemon.calls.isEmpty)
    }
}
