import Persistence

/// `{items, total, page, pages}`.
struct PageView<Item: Encodable>: Encodable {
    let items: [Item]
    let total: Int
    let page: Int
    let pages: Int

    init<Record: Sendable>(_ page: MediaPage<Record>, _ query: MediaListQuery, _ view: (Record) -> Item) {
        items = page.items.map(view)
        total = page.total
        self.page = query.page
        pages = (page.total + query.limit - 1) / query.limit
    }
}
