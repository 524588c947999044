package org.timebank.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.timebank.ledger.domain.OpeningBalanceCsv.KeyColumn;
import org.timebank.ledger.domain.OpeningBalanceCsv.Line;
import org.timebank.ledger.domain.OpeningBalanceCsv.LineError;

class OpeningBalanceCsvTest {
    private static final String BY_ID = "volunteer_id,asset,amount,reference\n";
    private static final String BY_PHONE = "phone,asset,amount,reference\n";

    private static OpeningBalanceCsv.Parsed parsed(String text) {
        return assertInstanceOf(OpeningBalanceCsv.Parsed.class, OpeningBalanceCsv.parse(text, 10_000));
    }

    private static List<LineError> errors(String text) {
        return errors(text, 10_000);
    }

    private static List<LineError> errors(String text, int maxLines) {
        return assertInstanceOf(OpeningBalanceCsv.Invalid.class, OpeningBalanceCsv.parse(text, maxLines)).errors();
    }

    private static LineError onlyError(String text) {
        List<LineError> errors = errors(text);
        assertEquals(1, errors.size(), () -> "errors: " + errors);
        return errors.get(0);
    }

    @Test
    void a_file_keyed_by_volunteer_id_gives_one_line_per_row() {
        OpeningBalanceCsv.Parsed result = parsed(BY_ID + "1001,HOURS,750,passbook 2019 p.12\n1001,POINTS,120,\n");

        assertEquals(KeyColumn.VOLUNTEER_ID, result.key());
        assertEquals(List.of(new Line(2, "1001", Asset.HOURS, 750, "passbook 2019 p.12"),
                new Line(3, "1001", Asset.POINTS, 120, null)), result.lines());
    }

    @Test
    void a_file_keyed_by_phone_gives_one_line_per_row() {
        OpeningBalanceCsv.Parsed result = parsed(BY_PHONE + "13812345678,POINTS,5,old card");

        assertEquals(KeyColumn.PHONE, result.key());
        assertEquals(List.of(new Line(2, "13812345678", Asset.POINTS, 5, "old card")), result.lines());
    }

    @Test
    void the_header_and_the_asset_are_read_in_any_case_and_cells_are_trimmed() {
        OpeningBalanceCsv.Parsed result =
                parsed("Volunteer_ID,Asset,Amount,Reference\n 1001 , hours , 750 ,  p.12  \n");

        assertEquals(List.of(new Line(2, "1001", Asset.HOURS, 750, "p.12")), result.lines());
    }

    @Test
    void a_byte_order_mark_and_windows_line_endings_are_tolerated() {
        OpeningBalanceCsv.Parsed result = parsed("\uFEFFvolunteer_id,asset,amount,reference\r\n1001,HOURS,750,a\r\n"
                + "1002,POINTS,3,b\r\n");

        assertEquals(List.of(new Line(2, "1001", Asset.HOURS, 750, "a"), new Line(3, "1002", Asset.POINTS, 3, "b")),
                result.lines());
    }

    @Test
    void trailing_blank_lines_are_ignored() {
        OpeningBalanceCsv.Parsed result = parsed(BY_ID + "1001,HOURS,750,\n\n   \r\n\n");

        assertEquals(1, result.lines().size());
    }

    @Test
    void quoted_cells_may_hold_commas_and_doubled_quotes() {
        OpeningBalanceCsv.Parsed result = parsed(BY_ID + "\"1001\",HOURS,750,\"passbook, p.12 \"\"old\"\"\"\n");

        assertEquals(List.of(new Line(2, "1001", Asset.HOURS, 750, "passbook, p.12 \"old\"")), result.lines());
    }

    @Test
    void a_quote_left_open_is_a_column_error() {
        assertEquals(new LineError(2, "IMPORT_COLUMNS", "1001,HOURS,750,\"passbook"),
                onlyError(BY_ID + "1001,HOURS,750,\"passbook\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1001,HOURS,750", "1001,HOURS,750,a,b", "1001", ""})
    void a_line_has_exactly_four_columns(String row) {
        assertEquals(new LineError(2, "IMPORT_COLUMNS", row), onlyError(BY_ID + row + "\n1002,HOURS,1,\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "01001", "-5", "abc", "10 01", "1234567890123456789"})
    void a_volunteer_id_is_a_positive_number_of_at_most_18_digits(String id) {
        assertEquals(new LineError(2, "IMPORT_VOLUNTEER_ID_INVALID", id), onlyError(BY_ID + id + ",HOURS,750,\n"));
    }

    @Test
    void the_largest_volunteer_id_has_18_digits() {
        assertEquals("999999999999999999", parsed(BY_ID + "999999999999999999,HOURS,1,").lines().get(0).volunteer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1001", "12812345678", "1381234567", "138123456789", "+8613812345678", "138-1234-5678"})
    void a_phone_is_an_11_digit_mainland_mobile_number(String phone) {
        assertEquals(new LineError(2, "IMPORT_PHONE_INVALID", phone), onlyError(BY_PHONE + phone + ",POINTS,5,\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MINUTES", "POINT", ""})
    void the_asset_is_hours_or_points(String asset) {
        assertEquals(new LineError(2, "IMPORT_ASSET_INVALID", asset), onlyError(BY_ID + "1001," + asset + ",5,\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "1.5", "7.0", "1e3", "+5", "", "1000000001", "10000000000", "99999999999"})
    void an_amount_is_a_whole_number_from_1_to_one_billion(String amount) {
        assertEquals(new LineError(2, "IMPORT_AMOUNT_INVALID", amount),
                onlyError(BY_ID + "1001,HOURS," + amount + ",\n"));
    }

    @Test
    void one_and_one_billion_are_valid_amounts() {
        List<Line> lines = parsed(BY_ID + "1001,HOURS,1,\n1001,POINTS,1000000000,\n").lines();

        assertEquals(1, lines.get(0).amount());
        assertEquals(1_000_000_000L, lines.get(1).amount());
    }

    @Test
    void a_reference_holds_at_most_200_characters_counted_as_code_points() {
        assertEquals(new LineError(2, "IMPORT_REFERENCE_TOO_LONG", "200"),
                onlyError(BY_ID + "1001,HOURS,5," + "a".repeat(201) + "\n"));
        assertEquals(200, parsed(BY_ID + "1001,HOURS,5," + "页".repeat(200)).lines().get(0).reference().length());
        assertEquals(400, parsed(BY_ID + "1001,HOURS,5," + "𠮷".repeat(200)).lines().get(0).reference().length());
    }

    @Test
    void the_same_volunteer_and_asset_twice_is_a_duplicate() {
        assertEquals(new LineError(4, "IMPORT_DUPLICATE_LINE", "1001 HOURS"),
                onlyError(BY_ID + "1001,HOURS,5,\n1001,POINTS,5,\n1001,hours,7,\n"));
    }

    @Test
    void a_bad_line_does_not_make_the_next_one_a_duplicate() {
        List<LineError> errors = errors(BY_ID + "1001,HOURS,0,\n1001,HOURS,7,\n1002,HOURS,x,\n");

        assertEquals(List.of(new LineError(2, "IMPORT_AMOUNT_INVALID", "0"),
                new LineError(4, "IMPORT_AMOUNT_INVALID", "x")), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id,asset,amount,reference", "volunteer_id,asset,amount",
            "volunteer_id;asset;amount;reference", "1001,HOURS,750,"})
    void a_file_starts_with_one_of_the_two_headers(String header) {
        assertEquals(new LineError(1, "IMPORT_HEADER_INVALID", header), onlyError(header + "\n1001,HOURS,750,\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\r\n\r\n", "  \n \n"})
    void a_file_without_a_header_is_empty_at_line_1(String text) {
        assertEquals(new LineError(1, "IMPORT_EMPTY", null), onlyError(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"volunteer_id,asset,amount,reference", "volunteer_id,asset,amount,reference\r\n\r\n"})
    void a_file_with_only_a_header_is_empty_at_line_2(String text) {
        assertEquals(new LineError(2, "IMPORT_EMPTY", null), onlyError(text));
    }

    @Test
    void a_file_over_the_line_limit_is_refused_at_the_first_line_too_many() {
        String three = BY_ID + "1001,HOURS,1,\n1002,HOURS,1,\n1003,HOURS,1,\n";

        assertEquals(List.of(new LineError(4, "IMPORT_TOO_MANY_LINES", "2")), errors(three, 2));
        assertEquals(3, assertInstanceOf(OpeningBalanceCsv.Parsed.class, OpeningBalanceCsv.parse(three + "\n\n", 3))
                .lines().size());
    }

    @Test
    void every_bad_line_is_reported_with_its_line_number_counting_the_header_as_1() {
        String text = BY_ID.replace("\n", "\r\n")
                + "1001,HOURS,750,ok\r\n"          // 2
                + "x1,HOURS,750,\r\n"              // 3
                + "1002,POINTS,10,ok\r\n"          // 4
                + "1003,MINUTES,-1,\r\n"           // 5
                + "\r\n"                           // 6: blank, but not trailing
                + "1004,HOURS\r\n"                 // 7
                + "1001,HOURS,5,again\r\n"         // 8
                + "\"1005,HOURS,5,\r\n"            // 9
                + "1006,POINTS,5,ok\r\n\r\n";

        assertEquals(List.of(
                new LineError(3, "IMPORT_VOLUNTEER_ID_INVALID", "x1"),
                new LineError(5, "IMPORT_ASSET_INVALID", "MINUTES"),
                new LineError(5, "IMPORT_AMOUNT_INVALID", "-1"),
                new LineError(6, "IMPORT_COLUMNS", ""),
                new LineError(7, "IMPORT_COLUMNS", "1004,HOURS"),
                new LineError(8, "IMPORT_DUPLICATE_LINE", "1001 HOURS"),
                new LineError(9, "IMPORT_COLUMNS", "\"1005,HOURS,5,")), errors(text));
    }
}
