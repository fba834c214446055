import BankCore
import Testing

@Suite("Nearby search grid (§2.3.1)")
struct GeoGridTests {
    @Test func approximatePoint_keepsTwoDecimals() {
        let point = ApproximatePoint(latitude: 43.238_76, longitude: 76.945_49)
        #expect(point == ApproximatePoint(latitude: 43.24, longitude: 76.95))
        #expect(point.latitude == 43.24 && point.longitude == 76.95)
    }

    @Test func cell_isRowTimes3600PlusColumn_onATenthOfADegree() {
        // Almaty: row ⌊(43.24 + 90) × 10⌋ = 1332, column ⌊(76.95 + 180) × 10⌋ = 2569
        #expect(GeoGrid.row(43.24) == 1332)
        #expect(GeoGrid.column(76.95) == 2569)
        #expect(GeoGrid.cell(latitude: 43.24, longitude: 76.95) == 4_797_769)
    }

    @Test func thePoles_andTheAntimeridian_stayInsideTheGrid() {
        #expect(GeoGrid.row(-90) == 0)
        #expect(GeoGrid.row(90) == 1799)
        #expect(GeoGrid.column(-180) == 0)
        #expect(GeoGrid.column(180) == 3599)
    }

    @Test func cellRanges_areOnePerGridRow_aroundThePoint() {
        let ranges = GeoGrid.cellRanges(around: ApproximatePoint(latitude: 43.24, longitude: 76.95), radiusMetres: 20_000)
        #expect(ranges.count == 5)
        #expect(ranges.allSatisfy { $0.lowerBound / GeoGrid.columns == $0.upperBound / GeoGrid.columns })
        #expect(ranges.contains { $0.contains(4_797_769) })
    }

    @Test func distance_isTheGreatCircle() {
        // one degree of the equator is R·π/180
        let equator = GeoGrid.distanceMetres(from: ApproximatePoint(latitude: 0, longitude: 0), latitude: 0, longitude: 1)
        #expect(abs(equator - 111_195.080) < 0.01)
        // Almaty to Astana, about 971 km as the crow flies
        let astana = GeoGrid.distanceMetres(from: ApproximatePoint(latitude: 43.24, longitude: 76.95), latitude: 51.13, longitude: 71.43)
        #expect(abs(astana - 970_781.3) < 1)
    }
}
