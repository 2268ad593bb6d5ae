import Foundation
import Testing
import GRDB
@testable import Core
@testable import Persistence

/// ShowStore: shows with their episodes in one transaction; season and episode monitoring.
@Suite struct MediaShowStoreTests {
    typealias F = MediaStoreFixture

    func addShow(_ f: F, monitored: Bool = true) throws -> Int64 {
        try f.database.shows.insert(from: F.show(4242, "Deep Space Relay"),
                                    episodes: [F.episode(0, 1), F.episode(1, 1), F.episode(1, 2), F.episode(2, 1)],
                                    monitored: monitored, qualityLimit: "1080p", addedBy: nil)
    }

    @Test func insertAddsEveryEpisodeSpecialsUnmonitoredAndOneActivity() throws {
        let f = try F()
        let id = try addShow(f)
        let (show, episodes) = try f.database.shows.showWithEpisodes(id: id)
        #expect(show.title == "Deep Space Relay" && show.status == .continuing)
        #expect(episodes.map { "\($0.seasonNumber)x\($0.episodeNumber)" } == ["0x1", "1x1", "1x2", "2x1"])
        #expect(episodes.map(\.monitored) == [false, true, true, true])
        let message = try f.db.read { try String.fetchOne($0, sql: "SELECT message FROM activity WHERE event_type = 'show_added' AND media_type = 'tv'") }
        #expect(message == "Added TV show Deep Space Relay (4 episodes)")
    }

    @Test func aFailureMidWriteLeavesNoShowNoEpisodesNoActivity() throws {
        let f = try F()
        // The same episode twice: the second INSERT violates UNIQUE(show_id, season, episode) after the show row was written.
        #expect(throws: (any Error).self) {
            try f.database.shows.insert(from: F.show(1, "Broken"), episodes: [F.episode(1, 1), F.episode(1, 1)],
                                        monitored: true, qualityLimit: "1080p", addedBy: nil)
        }
        #expect(try f.count("tv_shows") == 0 && f.count("episodes") == 0 && f.count("activity") == 0)
    }

    @Test func refreshAddsAndUpdatesEpisodesButKeepsTheirState() throws {
        let f = try F()
        let id = try addShow(f, monitored: false)
        try f.exec("UPDATE episodes SET status = 'available', monitored = 1, file_path = '/tv/e.mkv' WHERE show_id = ? AND season_number = 1 AND episode_number = 1", [id])
        let changes = try f.database.shows.refresh(id: id, from: F.show(4242, "Deep Space Relay", status: .ended),
                                                   episodes: [F.episode(0, 1), F.episode(1, 1, title: "Renamed"), F.episode(1, 2),
                                                              F.episode(2, 1), F.episode(2, 2)], by: nil)
        #expect(changes == ShowStore.EpisodeChanges(added: 1, updated: 1))
        let e11 = try f.database.shows.season(show: id, season: 1)[0]
        #expect(e11.title == "Renamed" && e11.status == .available && e11.monitored && e11.filePath == "/tv/e.mkv")
        #expect(try f.database.shows.season(show: id, season: 2).last?.monitored == false)   // the show is unmonitored
        #expect(try f.database.shows.show(id: id).status == .ended)
        #expect(try f.activityCount("show_refreshed") == 1)
        #expect(throws: DomainError.notFound(.tv, id: 999)) {
            try f.database.shows.refresh(id: 999, from: F.show(1, "X"), episodes: [], by: nil)
        }
    }

    @Test func seasonAndEpisodeMonitoring() throws {
        let f = try F()
        let id = try addShow(f)
        let season = try f.database.shows.setSeasonMonitored(show: id, season: 1, false)
        #expect(season.count == 2 && season.allSatisfy { !$0.monitored })
        #expect(try f.database.shows.season(show: id, season: 2).allSatisfy(\.monitored))
        let episode = try f.database.shows.setEpisodeMonitored(show: id, season: 1, episode: 2, true)
        #expect(episode.monitored && episode.episodeNumber == 2)
        #expect(try f.database.shows.setEpisodeMonitored(show: id, season: 1, episode: 2, nil).monitored)
        #expect(throws: DomainError.noEpisode(show: id, season: 1, episode: 5)) {
            try f.database.shows.setEpisodeMonitored(show: id, season: 1, episode: 5, true)
        }
        #expect(DomainError.noEpisode(show: 3, season: 1, episode: 5).message == "TV show 3 has no episode S01E05")
        #expect(throws: DomainError.noSeason(show: id, season: 9)) { try f.database.shows.season(show: id, season: 9) }
        #expect(throws: DomainError.notFound(.tv, id: 77)) { try f.database.shows.setSeasonMonitored(show: 77, season: 1, true) }
    }

    @Test func deleteCascadesToEpisodesAndReturnsTheirFiles() throws {
        let f = try F()
        let id = try addShow(f)
        try f.exec("UPDATE episodes SET file_path = '/tv/' || id || '.mkv' WHERE show_id = ? AND season_number = 1", [id])
        let paths = try f.database.shows.delete(id: id, removingFiles: false, by: nil)
        #expect(paths.count == 2)
        #expect(try f.count("tv_shows") == 0 && f.count("episodes") == 0)
        #expect(try f.activityCount("show_deleted") == 1)
    }

    @Test func updateAndListing() throws {
        let f = try F()
        let id = try addShow(f)
        try f.database.shows.update(id: id, monitored: false, qualityLimit: "2160p")
        let show = try f.database.shows.show(id: id)
        #expect(!show.monitored && show.qualityLimit == "2160p")
        #expect(try f.database.shows.page(MediaListQuery(status: "continuing")).total == 1)
        #expect(try f.database.shows.page(MediaListQuery(status: "ended")).total == 0)
        #expect(try f.database.shows.page(MediaListQuery(search: "relay")).items.map(\.id) == [id])
        #expect(try f.database.shows.ids(forTMDB: [4242]) == [4242: id])
    }
}
