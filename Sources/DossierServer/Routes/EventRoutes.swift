import DossierCore
import DossierStore
import Hummingbird

/// `GET /events?actor=&code=&plover=&status=&since=&until=&limit=`: events merged across reports, by date.
///
///     curl -s 'localhost:8080/events?actor=Kim%20Jong%20Un&code=04&since=2023-07&limit=10'
///     curl -s 'localhost:8080/events?plover=CONSULT&status=reported'
struct EventRoutes: Sendable {
    let queries: StoreQueries

    func add(to router: Router<BasicRequestContext>) {
        router.get("/events") { request, _ in try events(QueryParameters(request)) }
    }

    func events(_ parameters: QueryParameters) throws -> JSONBody {
        let filter = EventFilter(
            actor: parameters.text("actor"), since: try parameters.date("since"), until: try parameters.date("until"),
            code: try parameters.cameoCode(), plover: parameters.text("plover"), status: try parameters.eventStatus(),
            limit: try parameters.limit(standard: 100))
        return JSONBody(try queries.events(filter))
    }
}
