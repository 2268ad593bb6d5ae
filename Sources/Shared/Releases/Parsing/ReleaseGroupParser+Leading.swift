import Foundation

/// What comes before a release's title: a fansub's "[Group]", a site's advert or bracket, tags and junk in front.
extension ReleaseGroupParser {
    static func leading(_ t: [ReleaseToken]) -> Leading {
        var lead = Leading()
        // "www.site.org - [Group] Title": a site's advert may come before anything else.
        let s = t.first?.lower == "www" || t.first?.lower == "ww" ? skipSiteAdvert(t, from: 0) : 0
        lead.titleStart = s
        readLeadingBracket(t, at: s, into: &lead, afterSite: false)
        // "blow-how.to.be.single.2016.1080p.bluray.x264": a lower-case scene group in front (a byte test first).
        if s == 0, lead.group == nil, t.count >= 6, t[1].gap == "-", let group = SceneGroupPrefix.group(t) {
            lead.group = group
            lead.titleStart = 1
            return lead
        }
        if s < t.count, t[s].gap.hasSuffix("("), t.count > s + 2, let year = ReleaseYears.year(t[s]), !t[s + 1].inBrackets {
            lead.year = year
            lead.titleStart = s + 1
        }
        lead.titleStart = skipSiteAdvert(t, from: lead.titleStart)
        lead.titleStart = skipLeadingJunk(t, from: lead.titleStart, afterGroup: lead.group != nil)
        let jargonStart = lead.titleStart
        lead.titleStart = LeadingJargon.skip(t, from: jargonStart)
        if lead.titleStart > jargonStart { lead.jargon = jargonStart..<lead.titleStart }
        return lead
    }

    /// A bracket run in front: a site's address ("[ www.Site.org ]", "[Site.to]"), which may be followed by the fansub
    /// group's own bracket ("[ Site.org ] [Grp] Title - 05"); a tag ("[TV]"); or the fansub group.
    private static func readLeadingBracket(_ t: [ReleaseToken], at s: Int, into lead: inout Leading, afterSite: Bool) {
        // Fansub groups use square brackets; "(500) Days of Summer" starts with its title.
        if s < t.count, t[s].inBrackets, let end = bracketRunEnd(t, from: s), end < t.count {
            let run = t[s..<end]
            let squared = t[s].gap.has("[") || t[s].gap.has("{")
            if squared, isSiteRun(run) {
                lead.titleStart = end
                if !afterSite, t[end].inBrackets, t[end].gap.has("[") { readLeadingBracket(t, at: end, into: &lead, afterSite: true) }
            } else if run.allSatisfy({ leadingTags.contains($0.lower) || VideoAttributes.single[$0.lower]?.1 == false })
                        || squared && run.allSatisfy(\.isNumber) && t[end].gap.hasPrefix("] ") {
                // "[06] Documentary - Part", "[2019] Title": a part's number or a year in front names no one either.
                // "[TV] Title", "[MP4] Title", "(Hi10) Title", "[Dual Audio] Title": a tag in front, no group.
                // (Strong jargon in front, "[1080p] Title", is read by LeadingJargon.)
                lead.titleStart = end
            } else if !squared {
                // "(500) Days of Summer": a parenthesis starts the title.
            } else if run.count <= 4 || run.count <= 8 && !run.dropFirst().contains(where: { $0.gap.has(" ") }),
                      !run.contains(where: { VideoAttributes.single[$0.lower]?.1 == true }) || isNamedForJargon(run) {
                // (A glued name may hold dots and hyphens: "[BakaWolf-m.3.3.w]", "[B-G_&_m.3.3.w]".)
                lead.group = joinedText(t, s, end) + closingPunctuation(t[end].gap)
                lead.titleStart = end
                // "[Z-Team][DBSuper.pw] Title": the site's bracket after the group's.
                if t[end].inBrackets, t[end].gap.has("["), let siteEnd = bracketRunEnd(t, from: end), siteEnd < t.count,
                   isSiteRun(t[end..<siteEnd]) {
                    lead.titleStart = siteEnd
                }
            }
        }
    }

    /// "[TMS-Remux]", "[FFF-Remux]": a fansub named for what it makes, its name and "Remux" joined by a hyphen.
    private static func isNamedForJargon(_ run: ArraySlice<ReleaseToken>) -> Bool {
        guard run.count == 2, let first = run.first, let last = run.last, last.gap == "-", !first.isNumber else { return false }
        return VideoAttributes.single[first.lower] == nil && !notGroups.contains(first.lower) && first.lower.utf8.count >= 2
            && last.lower == "remux"
    }

    /// "www.Site.org", "DBSuper.pw": a bracket that holds a web address.
    private static func isSiteRun(_ run: ArraySlice<ReleaseToken>) -> Bool {
        run.contains(where: { $0.lower == "www" || topLevelDomains.contains($0.lower) && $0.dotJoined })
    }

    /// "[PuyaSubs!] Title": a group's name may end in "!" or "?" before its bracket closes.
    private static func closingPunctuation(_ gap: String) -> String {
        guard let first = gap.utf8.first, first == UInt8(ascii: "!") || first == UInt8(ascii: "?") else { return "" }
        let marks = gap.prefix(while: { $0 == "!" || $0 == "?" })
        return gap.dropFirst(marks.count).hasPrefix("]") ? String(marks) : ""
    }

    /// "[Jumonji-Giri]_[F-B]_Title": a second, glued tag after the fansub group; "221208 Show ep34":
    /// the air date (YYMMDD) Japanese variety recordings open with.
    private static func skipLeadingJunk(_ t: [ReleaseToken], from start: Int, afterGroup: Bool) -> Int {
        guard start + 2 < t.count else { return start }
        // "[TR24][OF] Artist": a short tag may be followed by a space.
        if afterGroup, t[start].inBrackets, ReleaseGroupParser.opensBracket(t[start].gap), !t[start].gap.has(" "),
           let end = bracketRunEnd(t, from: start), end - start <= 2, end < t.count, !t[end].inBrackets,
           !t[end].gap.has(" ") || t[start..<end].allSatisfy({ $0.lower.utf8.count <= 3 }),
           !t[start..<end].contains(where: isJargon) {
            return end
        }
        let w = t[start].lower.utf8
        if start == 0 || t[start].gap.has("-"), w.count == 6, t[start].isNumber, [" ", ".", "_"].contains(t[start + 1].gap), let n = t[start].number,
           DailyDates.isValid(year: 2000 + n / 10000, month: n / 100 % 100, day: n % 100) {
            return start + 1
        }
        return start
    }

    /// "www.Torrenting.com - Title": skips the dotted domain (its labels are joined by dots only).
    private static func skipSiteAdvert(_ t: [ReleaseToken], from start: Int) -> Int {
        // "site.to - Title": a bare domain, then a spaced dash.
        if start + 2 < t.count, t[start + 1].dotJoined, topLevelDomains.contains(t[start + 1].lower), t[start + 2].gap.has("-"),
           t[start + 2].gap.has(" ") || t[start + 2].gap.count > 1 {
            return start + 2
        }
        // "www 1Site tel - Title", "ww.Site.sbs - Title", "www,1Site.phd - Title": an advert whose dots were lost or mistyped
        // ends at its top-level domain, right before a spaced dash.
        if start + 2 < t.count, t[start].lower == "www" || t[start].lower == "ww", let k = advertEnd(t, from: start) { return k + 1 }
        guard start < t.count, t[start].lower == "www" else { return start }
        var j = start + 1
        while j < t.count, j < start + 6, t[j].dotJoined { j += 1 }
        return j > start + 1 && j < t.count ? j : start
    }

    /// The domain word that ends a "www ..." advert, right before a spaced dash.
    private static func advertEnd(_ t: [ReleaseToken], from start: Int) -> Int? {
        var k = start + 1
        while k < min(t.count - 1, start + 4) {
            let next = t[k + 1].gap
            if next == " - " || next.hasPrefix("_-_") || next.hasPrefix(" - ") {
                let w = t[k].lower
                // Without its dot, only a short domain ("tel", "org") is told from a title's word ("World").
                let domain = t[k].dotJoined ? topLevelDomains.contains(w) || w.utf8.count <= 4 : topLevelDomains.contains(w) && w.utf8.count <= 3
                return k > start + 1 && domain ? k : nil
            }
            k += 1
        }
        return nil
    }

    /// The index just past the bracketed run that starts at `from`.
    static func bracketRunEnd(_ t: [ReleaseToken], from: Int) -> Int? {
        var j = from + 1
        while j < t.count, t[j].inBrackets, !opensBracket(t[j].gap) { j += 1 }
        return j
    }
}
