package org.outreachexchange.identity.partners;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreachexchange.identity.AgencyKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnersFileTest {

    @TempDir
    Path dir;

    @Test
    void takesANewerVersionWhenTheFileChanges() {
        Path path = dir.resolve("partners.json");
        PartnersDocument first = PartnersDocumentTest.founding();
        PartnersFile.write(path, first);
        PartnersFile file = new PartnersFile(path);
        PartnersDocument second = first.addingKey("AU", KeyPurpose.TOKENS, PartnerKey.of("2026b", AgencyKeys.generate().getPublic()));

        assertThat(file.check()).isEqualTo(new PartnersFile.Unchanged());
        PartnersFile.write(path, second);

        assertThat(file.check()).isEqualTo(new PartnersFile.Changed(first, second));
        assertThat(file.current()).isEqualTo(second);
        assertThat(file.check()).isEqualTo(new PartnersFile.Unchanged());
    }

    @Test
    void keepsTheCurrentDocumentWhenTheFileIsBrokenOrNotNewer() throws IOException {
        Path path = dir.resolve("partners.json");
        PartnersDocument first = PartnersDocumentTest.founding();
        PartnersFile.write(path, first);
        PartnersFile file = new PartnersFile(path);

        Files.writeString(path, "{\"version\": 2, \"partners\": [");
        assertThat(file.check()).isInstanceOfSatisfying(PartnersFile.Refused.class,
                refused -> assertThat(refused.reason()).contains("not JSON").contains("keeping version 1"));
        Files.writeString(path, first.toJson().replace("\"version\" : 1", "\"version\" : 1 "));
        assertThat(file.check()).isInstanceOfSatisfying(PartnersFile.Refused.class,
                refused -> assertThat(refused.reason()).contains("not newer than version 1"));
        Files.delete(path);
        assertThat(file.check()).isInstanceOf(PartnersFile.Refused.class);

        assertThat(file.current()).isEqualTo(first);
    }

    @Test
    void refusesToStartWithoutAValidDocument() throws IOException {
        Path path = dir.resolve("partners.json");
        assertThatThrownBy(() -> new PartnersFile(path)).hasMessageContaining("cannot read the partners document");
        Files.writeString(path, "{\"version\": 1, \"partners\": []}");
        assertThatThrownBy(() -> new PartnersFile(path)).hasMessageContaining("at least one partner is required");
    }
}
