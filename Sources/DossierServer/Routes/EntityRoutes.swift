import DossierCore
import DossierStore
import Hummingbird

/// `GET /entities?type=&q=&limit=` and `GET /entities/{id}`.
///
///     curl -s 'localhost:8080/entities?type=PERSON&limit=20'    most mentioned first; q: a name, alias or key
///     curl -s 'localhost:8080/entities/{key}?limit=50'         the entity, its aliases, its events and its quotes by date
struct EntityRoutes: Sendable {
    let queries: StoreQueries

    func add(to router: Router<BasicRequestContext>) {
        router.get("/entities") { request, _ in try list(QueryParameters(request)) }
        router.get("/entities/{id}") { request, context in
            try entity(key: context.pathParameter("id"), QueryParameters(request))
        }
    }

    func list(_ parameters: QueryParameters) throws -> JSONBody {
        JSONBody(
            try queries.entities(
                name: parameters.text("q"), type: try parameters.entityType()?.rawValue, limit: try parameters.limit(standard: 100)))
    }

    /// The entity record, every alias, its timeline (the events where it is source or target) and its quotes: `limit` of
    /// each.
    func entity(key: String, _ parameters: QueryParameters) throws -> JSONBody {
        let limit = try parameters.limit(standard: 100)
        guard let entity = try queries.entity(key: key) else { throw APIError.notFound("entity", id: key) }
        let lists = [
            ("aliases", ResultTable(try queries.aliases(ofEntity: key))),
            ("events", ResultTable(try queries.events(EventFilter(actor: key, limit: limit)))),
            ("quotes", ResultTable(try queries.quotes(speaker: key, limit: limit))),
        ]
        return JSONBody("entity", entity, lists: lists)
    }
}
