import Persistence

/// `{items, total, page, pages}` of a list route, each item written straight from its store
/// record (`MovieListItem.write`, …): the same bytes as `PageView` of the item views, without
/// building a view and its Strings per item. JSONWriterTests holds the two to the same output.
struct ListPage<Record: Sendable>: JSONWritable {
    let page: MediaPage<Record>
    let query: MediaListQuery
    let write: (Record, inout JSONWriter) -> Void

    func writeJSON(to w: inout JSONWriter) {
        w.object { w in
            w.key("items")
            w.array(page.items) { write($1, &$0) }
            w.field("page", query.page)
            w.field("pages", (page.total + query.limit - 1) / query.limit)
            w.field("total", page.total)
        }
    }
}
