import BankAPI
import Foundation

extension BankClient {
    /// Every item of a cursor-paged list, page by page as the sequence is read (`cursor` goes out as a query item).
    public func pages<P, Item>(
        _ endpoint: Endpoint<P, NoBody, ListPage<Item>>,
        _ parameters: P,
        query: [URLQueryItem] = []
    ) -> AsyncThrowingStream<Item, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var cursor: String?
                    repeat {
                        let items = query + (cursor.map { [URLQueryItem(name: "cursor", value: $0)] } ?? [])
                        let page = try await send(endpoint, parameters, body: NoBody(), options: Options(query: items))
                        for item in page.items { continuation.yield(item) }
                        cursor = page.nextCursor
                    } while cursor != nil && !Task.isCancelled
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
