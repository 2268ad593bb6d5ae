import Core
import ArgumentParser
import Foundation

/// Writes a self-contained nginx configuration for this config: the drop-in server block
/// (nginx/lcars.conf) with its paths and listen address replaced, wrapped in a main config
/// whose pid, logs and temp files live under the data directory.
struct RenderNginx: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-nginx", abstract: "Render nginx.conf for a run without changes under /etc.")
    @OptionGroup var options: ConfigOption
    @Option(help: "The LCARS repository or install root (holds nginx/ and static/).") var root = "."
    @Option(help: "Where to write the main nginx.conf (default: <data_dir>/nginx/nginx.conf).") var output: String?
    @Flag(help: "Log every request to <data_dir>/logs/nginx-access.log (off by default).") var accessLog = false

    func run() throws {
        let config = try options.load()
        let data = absolute(config.server.dataDir)
        let rootDir = absolute(root)
        let out = output.map(absolute) ?? "\(data)/nginx/nginx.conf"
        let outDir = (out as NSString).deletingLastPathComponent
        for dir in ["run", "logs", "nginx/tmp"].map({ "\(data)/\($0)" }) + [outDir] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        let site = try String(contentsOfFile: "\(rootDir)/nginx/lcars.conf", encoding: .utf8)
            .replacingOccurrences(of: "listen 8080;", with: "listen \(config.server.host):\(config.server.port);")
            .replacingOccurrences(of: "/usr/share/lcars/static", with: "\(rootDir)/static")
            .replacingOccurrences(of: "/usr/share/lcars/nginx", with: "\(rootDir)/nginx")
            .replacingOccurrences(of: "/var/lib/lcars/cache/images/", with: "\(data)/cache/images/")
            .replacingOccurrences(of: "/run/lcars/fcgi.sock", with: absolute(config.fcgi.socket))
            .replacingOccurrences(of: "/run/lcars/lcarsd-events.sock", with: absolute(config.daemon.eventsSocket))
        let sitePath = "\(outDir)/lcars-site.conf"
        try site.write(toFile: sitePath, atomically: true, encoding: .utf8)
        // nginx started by root would run its workers as nobody, who cannot reach the 0660 socket.
        let main = try String(contentsOfFile: "\(rootDir)/nginx/standalone.conf.in", encoding: .utf8)
            .replacingOccurrences(of: "@USER@", with: geteuid() == 0 ? "user root root;" : "")
            .replacingOccurrences(of: "@DATA@", with: data)
            .replacingOccurrences(of: "@SITE@", with: sitePath)
            .replacingOccurrences(of: "@ACCESS_LOG@", with: accessLog ? "\(data)/logs/nginx-access.log" : "off")
        try main.write(toFile: out, atomically: true, encoding: .utf8)
        // Two lines for scripts: the file to pass to `nginx -c`, and the address it serves.
        print(out)
        print("http://\(config.server.host):\(config.server.port)")
    }

    private func absolute(_ path: String) -> String {
        let expanded = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: expanded).standardizedFileURL.path
    }
}
