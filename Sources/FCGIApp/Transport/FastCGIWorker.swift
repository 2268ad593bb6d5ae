import CFastCGI
import CProcess
import Foundation

/// One pre-forked responder: accepts FastCGI connections on the shared listening socket and
/// serves them one at a time until it is told to stop or has served `maxRequests`.
struct FastCGIWorker {
    let listenFD: Int32
    let responder: APIResponder
    let maxRequests: Int
    let maxBody: Int

    func run() -> Int32 {
        guard FCGX_Init() == 0 else { return 70 }
        var request = FCGX_Request()
        guard FCGX_InitRequest(&request, listenFD, Int32(FCGI_FAIL_ACCEPT_ON_INTR)) == 0 else { return 70 }
        lcars_install_stop_flag()
        var served = 0
        while served < maxRequests, lcars_stop_requested() == 0 {
            // Returns < 0 when SIGTERM interrupts accept(), or on a socket error.
            guard FCGX_Accept_r(&request) >= 0 else { break }
            // A stop signal during a request waits until the response is out.
            lcars_hold_stop_signals(1)
            serve(&request)
            FCGX_Finish_r(&request)
            lcars_hold_stop_signals(0)
            served += 1
        }
        return 0
    }

    private func serve(_ request: inout FCGX_Request) {
        let params = RequestIntake.params(from: Self.paramStrings(lcars_fcgx_params(&request)))
        let response = RequestIntake.response(params: params, maxBody: maxBody, responder: responder) { length in
            var buffer = [CChar](repeating: 0, count: length)
            let n = lcars_fcgx_read(&request, &buffer, Int32(length))
            return n == Int32(length) ? Data(bytes: buffer, count: length) : nil
        }
        // Head, then body: libfcgi copies both into its records, so joining them first would be a
        // third copy of a 40 kB show.
        for part in [response.cgiHead(), response.body] where !part.isEmpty {
            _ = part.withUnsafeBytes { raw in
                lcars_fcgx_write(&request, raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count))
            }
        }
    }

    private static func paramStrings(_ envp: FCGX_ParamArray?) -> [String] {
        var result: [String] = []
        guard var cursor = envp else { return result }
        while let entry = cursor.pointee {
            result.append(String(cString: entry))
            cursor += 1
        }
        return result
    }
}
