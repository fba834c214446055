import Fluent
import Vapor

/// `bizbank keys rotate`: after a new master key version is configured (`BIZBANK_MASTER_KEY` the new key,
/// `BIZBANK_MASTER_KEY_VERSION` one higher, `BIZBANK_MASTER_KEY_PREVIOUS` the old key), re-wraps the system keys,
/// every person key and every pending invitation's key under the new version. Idempotent; once it has printed
/// "done", the previous master key is no longer needed: remove it from the configuration and destroy it, and every
/// database copy whose keys were wrapped under it can no longer be opened.
struct KeysRotateCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    let help = "Re-wraps every person key and the system keys under the current master key version."

    func run(using context: CommandContext, signature: Signature) async throws {
        let services = context.application.bank
        let database = context.application.db
        let version = services.cipher.keys.masterKeyVersion
        do {
            let system = try await KeyRingStore.rewrap(services.cipher.keys, on: database)
            let people = try await services.personKeys.rewrapAll(on: database)
            let invitations = try await InvitationSeal(cipher: services.cipher).rewrapAll(on: database)
            context.console.print(
                "master key version \(version): re-wrapped \(people) person key(s), \(invitations) invitation key(s)"
                    + (system ? " and the system keys" : "") + "; done: the previous master key is no longer needed"
            )
        } catch let error as PersonalDataCipher.CipherError {
            throw CommandFailure(message: "\(error): set BIZBANK_MASTER_KEY_PREVIOUS to the key of that version and run again")
        }
    }
}

struct KeyCommands: AsyncCommandGroup {
    let commands: [String: any AnyAsyncCommand] = ["rotate": KeysRotateCommand()]
    let help = "Master key tools."
}
