import DossierCore
import DossierStore
import Hummingbird

/// A response of JSON text, sent as `application/json; charset=utf-8`.
struct JSONBody: ResponseGenerator {
    static let contentType = "application/json; charset=utf-8"

    let text: String
    var status: HTTPResponse.Status = .ok

    /// An object written by `body`, pretty-printed like the command line's JSON.
    init(status: HTTPResponse.Status = .ok, object body: (inout JSONWriter) -> Void) {
        var json = JSONWriter(pretty: true)
        json.object(body)
        self.init(text: json.output + "\n", status: status)
    }

    /// Query results as an array of objects.
    init<Result: QueryResult>(_ results: [Result]) {
        self.init(text: ResultTable(results).json())
    }

    /// An object holding a record under `name`, and each list under its own name:
    /// `{"article": {…}, "events": […], "mentions": […]}`.
    init<Record: QueryResult>(_ name: String, _ record: Record, lists: [(String, ResultTable)]) {
        self.init { json in
            json.key(name)
            ResultTable([record]).writeRow(0, &json)
            for (name, table) in lists {
                json.key(name)
                table.writeRows(&json)
            }
        }
    }

    init(text: String, status: HTTPResponse.Status = .ok) {
        self.text = text
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status, headers: [.contentType: Self.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
