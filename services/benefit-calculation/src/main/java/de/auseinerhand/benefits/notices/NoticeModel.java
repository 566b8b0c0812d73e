package de.auseinerhand.benefits.notices;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * What a written decision shows, already formatted in German (dates {@code 01.03.2026}, amounts {@code 1.234,56 €}): the
 * template only lays it out. Built by {@link NoticeComposer} from the decision's event and its stored calculation sheets.
 */
@TemplateData
public record NoticeModel(
        String title,
        String noticeId,
        String caseId,
        String issuedOn,
        Office office,
        Party addressee,
        List<Party> members,
        List<String> operative,
        List<Block> blocks,
        List<PaidRow> paid,
        List<String> settlement,
        List<String> reasons,
        String lawInForce,
        boolean noSuspensiveEffect) {

    /**
     * The issuing job centre (the legal remedy names its address) and, where the district has the municipalities do the
     * work (§ 6 Abs. 2 SGB II), the town that handles the case.
     */
    @TemplateData
    public record Office(String name, String street, String city, String handledBy) {
    }

    /** A person named in the notice ({@code gelöscht} once their data was erased). */
    @TemplateData
    public record Party(String name, String address, String role, String birthDate) {
    }

    /** Months with the same amounts: per person the items with their paragraphs, and the household's sums. */
    @TemplateData
    public record Block(String from, String to, List<PersonBlock> persons, String total, String federal, String municipal,
            String reductions, String payable) {
    }

    @TemplateData
    public record PersonBlock(String name, String role, List<Row> rows, String payable) {
    }

    @TemplateData
    public record Row(String label, String paragraph, String amount) {
    }

    /** A month already posted for payment against what this decision now grants. */
    @TemplateData
    public record PaidRow(String month, String paid, String now, String difference) {
    }
}
