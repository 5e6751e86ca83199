import DossierCore
import Foundation
import Hummingbird

/// `POST /extract?date=YYYY-MM-DD`: reads the report in the body (text or a web page) and answers the JSON contract
/// that `dossier extract - --format json` prints for the same bytes. `date` is the reference for "Wednesday" where the
/// report states no date of its own.
///
///     curl -s -X POST --data-binary @report.txt 'localhost:8080/extract?date=2023-07-27'
struct ExtractRoute: Sendable {
    let reader: ReportReader
    let maxBytes: Int

    /// The name the report is given in the output, as standard input is on the command line.
    static let source = "-"

    func add(to router: Router<BasicRequestContext>) {
        router.post("/extract") { request, _ in try await extract(request) }
    }

    func extract(_ request: Request) async throws -> JSONBody {
        let (article, reader) = try await Self.article(posted: request, reader: reader, maxBytes: maxBytes)
        let document: Document
        do {
            document = try await offloaded { [reader] in try reader.read(article) }
        } catch {
            throw APIError(status: .unprocessableContent, message: "\(error)")
        }
        return JSONBody(text: ExtractionOutput.json(document, pretty: true) + "\n")
    }

    /// The report a request posts, loaded by a reader that takes the request's `date`, and that reader: 400 for a body
    /// that is no report, 413 past `maxBytes`.
    static func article(posted request: Request, reader: ReportReader, maxBytes: Int) async throws -> (RawArticle, ReportReader) {
        var reader = reader
        reader.date = try QueryParameters(request).date("date")
        let data = try await body(of: request, upTo: maxBytes)
        do throws(InputError) {
            return (try reader.load(.bytes(source: source, data: data)), reader)
        } catch {
            throw APIError(status: .badRequest, message: error.description)
        }
    }

    /// The request's body, refused with 413 past `maxBytes`.
    static func body(of request: Request, upTo maxBytes: Int) async throws -> Data {
        var request = request
        do {
            return Data(try await request.collectBody(upTo: maxBytes).readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.tooLarge(limit: maxBytes)
        }
    }
}
