import Testing
import VaporTesting
@testable import BankServer
