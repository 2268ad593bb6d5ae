import Foundation

/// Run by a web server as a plain CGI program (GATEWAY_INTERFACE is set), the same binary
/// serves exactly one request from its environment and stdin, then exits.
enum CGIResponder {
    static func serveOne(responder: APIResponder, maxBody: Int) {
        let env = ProcessInfo.processInfo.environment
        let response = RequestIntake.response(params: env, maxBody: maxBody, responder: responder) { length in
            let data = FileHandle.standardInput.readData(ofLength: length)
            return data.count == length ? data : nil
        }
        FileHandle.standardOutput.write(response.cgiBytes())
    }
}
