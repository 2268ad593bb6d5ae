import Control
import Core
import Daemon
import Foundation
import NIOCore
import NIOEmbedded

/// Bytes a local process writes to lcarsd's control socket: lcarsd's `ControlFrameDecoder` in a
/// channel pipeline (the input arrives in two writes, so frames also straddle reads), then every
/// frame as the command table reads it — a `ControlRequest`, its `args` as the download commands'
/// argument types — and as the responders read an answer (`ControlResponse`).
enum ControlEntry {
    static func run(_ data: Data) -> String {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(ControlFrameDecoder()))
        var outcomes: [String] = []
        do {
            let cut = data.count / 2
            for part in [data.prefix(cut), data.dropFirst(cut)] {
                var buffer = channel.allocator.buffer(capacity: part.count)
                buffer.writeBytes(part)
                try channel.writeInbound(buffer)
                while let frame = try channel.readInbound(as: ByteBuffer.self) {
                    outcomes.append(decode(Data(frame.readableBytesView)))
                }
            }
            _ = try channel.finish()
        } catch let tooLarge as ControlFrameDecoder.FrameTooLarge {
            outcomes.append("frame too large (\(tooLarge.length))")
        } catch {
            outcomes.append(Outcome.error(error))
        }
        return outcomes.isEmpty ? "no frame" : outcomes.joined(separator: "; ")
    }

    /// One frame's payload, decoded as `ControlCommands.answer` and `ControlClient` decode it.
    static func decode(_ payload: Data) -> String {
        _ = try? JSONDecoder().decode(ControlResponse.self, from: payload)
        guard let request = try? JSONDecoder().decode(ControlRequest.self, from: payload) else { return "bad_request" }
        let args: Bool
        switch request.cmd {
        case DownloadCommand.add: args = (try? request.args.decode(DownloadCommand.AddArgs.self)) != nil
        case DownloadCommand.list: args = (try? request.args.decode(DownloadCommand.ListArgs.self)) != nil
        default: args = (try? request.args.decode(DownloadCommand.IDArgs.self)) != nil
        }
        return "request v\(request.v) \(request.cmd.prefix(40)) args \(args ? "ok" : "invalid")"
    }
}
