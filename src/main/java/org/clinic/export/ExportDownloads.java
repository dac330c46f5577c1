package org.clinic.export;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.clinic.base.RuleViolation;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayInputStream;
import java.util.UUID;

/** An export's file behind a download link, for the screens that offer one (staff's Exports, the patient's portal). */
public final class ExportDownloads {

    private ExportDownloads() {
    }

    /**
     * The file, read when the link is followed: the service checks again that this person may have it (403
     * otherwise), and a file that expired meanwhile answers 410 with why.
     */
    public static DownloadHandler of(ExportService exports, UUID exportId) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                ExportFile file = exports.download(exportId);
                return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(),
                        "text/csv; charset=UTF-8", file.content().length);
            } catch (AccessDeniedException denied) {
                return DownloadResponse.error(403);
            } catch (RuleViolation gone) {
                return DownloadResponse.error(410, gone.getMessage());
            }
        });
    }
}
