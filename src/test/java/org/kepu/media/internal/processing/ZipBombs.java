package org.kepu.media.internal.processing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** DOCX files whose document.xml inflates to a chosen size of one repeated letter. */
public final class ZipBombs {

    private ZipBombs() {
    }

    /** Writes the bomb to {@code out} (left open); answers the inflated size of document.xml. */
    public static long docx(OutputStream out, long inflated) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        entry(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                 <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                 <Default Extension="xml" ContentType="application/xml"/>
                 <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>""");
        entry(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                 <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>""");
        zip.putNextEntry(new ZipEntry("word/document.xml"));
        byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
                + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'a');
        zip.write(head);
        long written = head.length;
        while (written < inflated) {
            zip.write(chunk);
            written += chunk.length;
        }
        zip.write(tail);
        zip.closeEntry();
        zip.finish();
        return written + tail.length;
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
