import DossierCore
import DossierStore
import Hummingbird

/// `GET /healthz`: whether the server answers, and the rows in each of the store's tables.
///
///     curl -s localhost:8080/healthz
///     {"status": "ok", "counts": {"articles": 1, "entities": 12, …}}
struct HealthRoute: Sendable {
    let store: Store

    func add(to router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in try health() }
    }

    func health() throws -> JSONBody {
        let counts = try store.counts()
        return JSONBody { json in
            json.field("status", "ok")
            json.key("counts")
            json.object { json in
                for table in Store.tables { json.field(table, counts[table] ?? 0) }
            }
        }
    }
}
