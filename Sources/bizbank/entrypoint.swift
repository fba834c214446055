import BankServer

@main
enum Entrypoint {
    static func main() async throws {
        try await BizBank.main()
    }
}
