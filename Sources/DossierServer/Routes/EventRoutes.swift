import DossierCore
import DossierStore
import Hummingbird

/// `GET /events?actor=&code=&plover=&status=&since=&until=&sort=&limit=&offset=&format=`: events merged across reports,
/// by date (`sort=-date`: latest first), a page at a time (`limit` after `offset`), as JSON or CSV (`format=csv`, which
/// lists every matching event unless `limit` says otherwise).
///
///     curl -s 'localhost:8080/events?actor=Kim%20Jong%20Un&code=04&since=2023-07&limit=10'
///     curl -s 'localhost:8080/events?plover=CONSULT&status=reported&sort=-date&limit=50&offset=50'
///     curl -s 'localhost:8080/events?code=19&format=csv' > fights.csv
struct EventRoutes: Sendable {
    let queries: StoreQueries

    /// The most rows a CSV answer holds.
    static let csvLimit = 100_000

    func add(to router: Router<BasicRequestContext>) {
        router.get("/events") { request, _ in try events(QueryParameters(request)) }
    }

    func events(_ parameters: QueryParameters) throws -> TableBody {
        let format = try parameters.format()
        let (standard, maximum) = format == .csv ? (Self.csvLimit, Self.csvLimit) : (100, 1000)
        let filter = EventFilter(
            actor: parameters.text("actor"), since: try parameters.date("since"), until: try parameters.date("until"),
            code: try parameters.cameoCode(), plover: parameters.text("plover"), status: try parameters.eventStatus(),
            newestFirst: try parameters.newestFirst(), limit: try parameters.limit(standard: standard, maximum: maximum),
            offset: try parameters.offset())
        return TableBody(table: try queries.events(filter), format: format, name: "events")
    }
}
