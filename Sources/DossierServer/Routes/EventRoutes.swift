import DossierCore
import DossierStore
import Hummingbird

/// `GET /events?actor=&code=&plover=&status=&since=&until=&sort=&limit=&offset=&format=`: events merged across reports,
/// by date (`sort=-date`: latest first), a page at a time (`limit` after `offset`), as JSON or CSV (`format=csv`, which
/// lists every matching event unless `limit` says otherwise). `GET /events/dates` with the same filters: how many events
/// fall on each date, for a histogram.
///
///     curl -s 'localhost:8080/events?actor=Kim%20Jong%20Un&code=04&since=2023-07&limit=10'
///     curl -s 'localhost:8080/events?plover=CONSULT&status=reported&sort=-date&limit=50&offset=50'
///     curl -s 'localhost:8080/events?code=19&format=csv' > fights.csv
///     curl -s 'localhost:8080/events/dates?code=19'    [{"date": "2023-07-26", "events": 3}, …, {"date": null, …}]
struct EventRoutes: Sendable {
    let queries: StoreQueries

    /// The most rows a CSV answer holds.
    static let csvLimit = 100_000

    func add(to router: Router<BasicRequestContext>) {
        router.get("/events") { request, _ in try events(QueryParameters(request)) }
        router.get("/events/dates") { request, _ in try dates(QueryParameters(request)) }
    }

    func events(_ parameters: QueryParameters) throws -> TableBody {
        let format = try parameters.format()
        let (standard, maximum) = format == .csv ? (Self.csvLimit, Self.csvLimit) : (100, 1000)
        var filter = try Self.filter(parameters)
        filter.newestFirst = try parameters.newestFirst()
        filter.limit = try parameters.limit(standard: standard, maximum: maximum)
        filter.offset = try parameters.offset()
        return TableBody(table: ResultTable(try queries.events(filter)), format: format, name: "events")
    }

    /// The number of matching events on each date, earliest first, then of those with no date.
    func dates(_ parameters: QueryParameters) throws -> JSONBody {
        JSONBody(try queries.eventDates(try Self.filter(parameters)))
    }

    /// The events the parameters choose: by actor, code, PLOVER type, status and dates.
    static func filter(_ parameters: QueryParameters) throws -> EventFilter {
        let (since, until) = try parameters.dateRange()
        return EventFilter(
            actor: parameters.text("actor"), since: since, until: until, code: try parameters.cameoCode(),
            plover: parameters.text("plover"), status: try parameters.eventStatus())
    }
}
