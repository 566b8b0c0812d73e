package de.auseinerhand.benefits.notices;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Renders a notice: the Qute template {@code templates/NoticePdf/bescheid.html} (XHTML, checked against
 * {@link NoticeModel} at build time) laid out as an A4 PDF by openhtmltopdf on PDFBox. The one font, Liberation Sans
 * (SIL Open Font License, shipped inside PDFBox), is embedded as a subset, so the notice looks the same everywhere; the
 * PDF is tagged (PDF/UA) for screen readers.
 */
@ApplicationScoped
public class NoticePdf {
    /** Names the template in the notice-issued event; a changed layout gets a new version. */
    public static final String TEMPLATE = "bescheid-v1";
    static final String FONT_FAMILY = "Liberation Sans";
    private static final byte[] FONT = loadFont();
    /** Font metrics parsed once and shared by every rendering (thread-safe store of openhtmltopdf). */
    private static final com.openhtmltopdf.extend.impl.FSDefaultCacheStore METRICS = new com.openhtmltopdf.extend.impl.FSDefaultCacheStore();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance bescheid(NoticeModel n);
    }

    public String html(NoticeModel model) {
        return Templates.bescheid(model).render();
    }

    public byte[] render(NoticeModel model) {
        String html = html(model);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, METRICS);
            // PDF/UA: a tagged, accessible PDF (public bodies must offer accessible documents, BITV 2.0); it also keeps the
            // renderer from loading PDFBox's non-embedded standard fonts, so only the embedded font is used
            builder.usePdfUaAccessbility(true);
            // one face for all text (headings are set larger, not bolder): one embedded subset per notice
            builder.useFont(() -> new ByteArrayInputStream(FONT), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering a notice failed", e);
        }
    }

    private static byte[] loadFont() {
        try (InputStream in = org.apache.pdfbox.pdmodel.PDDocument.class.getResourceAsStream(
                "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            if (in == null) {
                throw new IllegalStateException("Liberation Sans is missing from PDFBox");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
