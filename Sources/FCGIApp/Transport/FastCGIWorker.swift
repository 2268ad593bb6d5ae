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
            lcars_fcgx_finish(&request)
            lcars_hold_stop_signals(0)
            served += 1
        }
        return 0
    }

    private func serve(_ request: inout FCGX_Request) {
        let params = RequestIntake.params(fromEnvironment: lcars_fcgx_params(&request))
        let response = RequestIntake.response(params: params, maxBody: maxBody, responder: responder) { length in
            var buffer = [CChar](repeating: 0, count: length)
            let n = lcars_fcgx_read(&request, &buffer, Int32(length))
            return n == Int32(length) ? Data(bytes: buffer, count: length) : nil
        }
        // Head and body go out as FastCGI records in one writev, with the end of the request
        // (libfcgi's stream would copy both into 8 kB buffers and write each).
        let head = response.cgiHead()
        head.withUnsafeBytes { headBytes in
            response.body.withUnsafeBytes { bodyBytes in
                _ = lcars_fcgx_respond(&request, headBytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(headBytes.count),
                                       bodyBytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bodyBytes.count))
            }
        }
    }
}
