import DossierCore
import Foundation

/// What a fetch brought back: where it ended, the status, the headers a reader and the next fetch need, and the body.
public struct FetchResponse: Sendable {
    /// The URL asked for.
    public var url: URL
    /// The URL answered, after redirects.
    public var finalURL: URL
    /// 200 and the other 2xx, or 304 (not modified: no body).
    public var status: Int
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// The server's `Date` header.
    public var date: String?
    public var body: [UInt8]
    public var fetchedAt: Date

    /// Whether the server said the resource is unchanged since the validators sent (a 304).
    public var notModified: Bool { status == 304 }

    /// The charset the `Content-Type` header names ("text/html; charset=ISO-8859-1"), for the HTML reader.
    public var charset: String? { HTMLCharset.fromContentType(contentType) }
}

/// What the last fetch of a URL said about its version, sent back so that an unchanged resource is answered 304.
public struct Validators: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }
}
