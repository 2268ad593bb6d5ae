import Foundation
import Core
import Persistence

/// The items downloads bring: when a download's status change moved its item (the store sends it
/// back to `missing` on a failure, to `downloading` on a retry), the item's `media:updated` event
/// goes out beside the download's own. A season pack moves its other episodes too: one event per
/// linked item is what the client needs to refetch the show.
extension DownloadManager {
    func publishItemStatus(of record: DownloadRecord) {
        guard let media = record.media, let status = try? store.itemStatus(of: media) else { return }
        hub.publish(.mediaUpdated(media, status: status))
    }
}
