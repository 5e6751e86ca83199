import DossierCore
import DossierStore
import Hummingbird

/// `GET /articles?q=&limit=` and `GET /articles/{id}`.
///
///     curl -s 'localhost:8080/articles?q=missile%20launch&limit=5'    best match first; without q, the latest
///     curl -s localhost:8080/articles/3f2a…                           one article by its id (content hash), 404 if none,
///                                                                     with its events, mentions and quotes
struct ArticleRoutes: Sendable {
    let queries: StoreQueries

    func add(to router: Router<BasicRequestContext>) {
        router.get("/articles") { request, _ in try list(QueryParameters(request)) }
        router.get("/articles/{id}") { _, context in try article(id: context.pathParameter("id")) }
    }

    /// The articles whose title or body hold the words of `q`, or the latest.
    func list(_ parameters: QueryParameters) throws -> JSONBody {
        let limit = try parameters.limit(standard: 20)
        guard let words = parameters.text("q") else { return JSONBody(try queries.latestArticles(limit: limit)) }
        return JSONBody(try queries.articles(matching: words, limit: limit))
    }

    /// The article with its body, the events it reports, its mentions of entities and its quotes, each with its span
    /// in the body (`start`, `end`: code points, end exclusive), so that a page can mark them in the text.
    func article(id: String) throws -> JSONBody {
        guard let article = try queries.article(hash: id) else { throw APIError.notFound("article", id: id) }
        let layers = [
            ("events", ResultTable(try queries.events(inArticle: id))), ("mentions", ResultTable(try queries.mentions(inArticle: id))),
            ("quotes", ResultTable(try queries.quotes(inArticle: id))),
        ]
        return JSONBody("article", article, lists: layers)
    }
}
