package org.timebank.ledger.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The CSV of opening balances migrated from a paper passbook or an earlier system. It is checked
 * whole: either every line is good, or every bad line is reported and nothing is written.
 *
 * <pre>
 * volunteer_id,asset,amount,reference        (or: phone,asset,amount,reference)
 * 1001,HOURS,750,passbook 2019 p.12
 * 1001,POINTS,120,
 * </pre>
 * Amounts are whole minutes (HOURS) or whole points (POINTS), greater than zero.
 */
public final class OpeningBalanceCsv {
    public static final int MAX_REFERENCE = 200;
    public static final long MAX_AMOUNT = 1_000_000_000L;
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,10}");

    private OpeningBalanceCsv() {}

    public enum KeyColumn { VOLUNTEER_ID, PHONE }

    /** One good line: who (a volunteer id or a phone number, per the header), what and how much. */
    public record Line(int number, String volunteer, Asset asset, long amount, String reference) {}

    /** One bad line (1 = the header) with a stable code. */
    public record LineError(int line, String code, String value) {}

    public sealed interface Result permits Parsed, Invalid {}

    public record Parsed(KeyColumn key, List<Line> lines) implements Result {}

    /**
     * The file has errors. When its header was readable, {@code key} and the good {@code lines} are
     * given too, so that a caller can check those against its data and report every bad line at once.
     */
    public record Invalid(List<LineError> errors, KeyColumn key, List<Line> lines) implements Result {
        public Invalid(List<LineError> errors) {
            this(errors, null, List.of());
        }
    }

    public static Result parse(String text, int maxLines) {
        List<LineError> errors = new ArrayList<>();
        String[] rows = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int last = rows.length;
        while (last > 0 && rows[last - 1].isBlank()) {
            last--;
        }
        if (last == 0) {
            return new Invalid(List.of(new LineError(1, "IMPORT_EMPTY", null)));
        }
        String header = rows[0].strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
        KeyColumn key = switch (header) {
            case "volunteer_id,asset,amount,reference" -> KeyColumn.VOLUNTEER_ID;
            case "phone,asset,amount,reference" -> KeyColumn.PHONE;
            default -> null;
        };
        if (key == null) {
            return new Invalid(List.of(new LineError(1, "IMPORT_HEADER_INVALID", rows[0])));
        }
        if (last - 1 > maxLines) {
            return new Invalid(List.of(new LineError(maxLines + 2, "IMPORT_TOO_MANY_LINES", Integer.toString(maxLines))));
        }
        if (last == 1) {
            return new Invalid(List.of(new LineError(2, "IMPORT_EMPTY", null)));
        }
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < last; i++) {
            int number = i + 1;
            List<String> cells = cells(rows[i]);
            if (cells == null || cells.size() != 4) {
                errors.add(new LineError(number, "IMPORT_COLUMNS", rows[i]));
                continue;
            }
            String who = cells.get(0).strip();
            String assetText = cells.get(1).strip().toUpperCase(Locale.ROOT);
            String amountText = cells.get(2).strip();
            String reference = cells.get(3).strip();
            int before = errors.size();
            if (!(key == KeyColumn.PHONE ? PHONE : ID).matcher(who).matches()) {
                errors.add(new LineError(number, key == KeyColumn.PHONE ? "IMPORT_PHONE_INVALID" : "IMPORT_VOLUNTEER_ID_INVALID", who));
            }
            Asset asset = null;
            try {
                asset = Asset.valueOf(assetText);
            } catch (IllegalArgumentException e) {
                errors.add(new LineError(number, "IMPORT_ASSET_INVALID", assetText));
            }
            long amount = 0;
            if (AMOUNT.matcher(amountText).matches() && Long.parseLong(amountText) > 0
                    && Long.parseLong(amountText) <= MAX_AMOUNT) {
                amount = Long.parseLong(amountText);
            } else {
                errors.add(new LineError(number, "IMPORT_AMOUNT_INVALID", amountText));
            }
            if (reference.codePointCount(0, reference.length()) > MAX_REFERENCE) {
                errors.add(new LineError(number, "IMPORT_REFERENCE_TOO_LONG", Integer.toString(MAX_REFERENCE)));
            }
            if (errors.size() == before) {
                if (!seen.add(who + "/" + asset)) {
                    errors.add(new LineError(number, "IMPORT_DUPLICATE_LINE", who + " " + asset));
                } else {
                    lines.add(new Line(number, who, asset, amount, reference.isEmpty() ? null : reference));
                }
            }
        }
        return errors.isEmpty() ? new Parsed(key, lines) : new Invalid(errors, key, lines);
    }

    /** RFC 4180 cells of one row: commas separate, double quotes enclose, "" is a quote. Null if a quote is left open. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }
}
