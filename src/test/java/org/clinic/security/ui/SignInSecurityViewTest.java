package org.clinic.security.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.clinic.security.StaffAccountService;
import org.clinic.security.signin.LockScope;
import org.clinic.security.signin.SignInEvent;
import org.clinic.security.signin.SignInEventKind;
import org.clinic.security.signin.SignInFixtures;
import org.clinic.security.signin.SignInLock;
import org.clinic.security.signin.SignInReason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest
@WithMockUser(username = "boss", roles = "ADMIN")
class SignInSecurityViewTest extends SpringBrowserlessTest {

    @Autowired
    StaffAccountService accounts;
    @Autowired
    AuthenticationConfiguration authentication;

    @Test
    void an_administrator_sees_a_locked_user_name_unlocks_it_and_finds_it_in_the_log() {
        String name = SignInFixtures.unknownName();
        String from = SignInFixtures.address();
        SignInFixtures signIns = new SignInFixtures(accounts, authentication);
        for (int i = 0; i < 5; i++) {
            signIns.refusal(name, "guess-" + i, from);
        }

        navigate(SignInSecurityView.class);
        List<SignInLock> shown = locked().getListDataView().getItems().toList();
        SignInLock lock = shown.stream().filter(l -> l.subject().equals(name)).findFirst().orElseThrow();
        assertThat(lock.scope()).isEqualTo(LockScope.ACCOUNT);
        assertThat(lock.failures()).isEqualTo(5);

        test((Button) test(locked()).getCellComponent(shown.indexOf(lock), 5)).click();

        assertThat(locked().getListDataView().getItems()).noneMatch(l -> l.subject().equals(name));
        test($(TextField.class).id("security-username")).setValue(name);
        assertThat(events().getLazyDataView().getItems().toList())
                .extracting(SignInEvent::kind, SignInEvent::reason, SignInEvent::actedBy)
                .startsWith(tuple(SignInEventKind.UNLOCKED, SignInReason.ACCOUNT, "boss"),
                        tuple(SignInEventKind.SIGN_IN_FAILED, SignInReason.BAD_CREDENTIALS, null),
                        tuple(SignInEventKind.LOCKED_OUT, SignInReason.ACCOUNT, null))
                .hasSize(7);
    }

    @Test
    void the_log_is_filtered_by_kind_and_user_name() {
        String name = SignInFixtures.unknownName();
        new SignInFixtures(accounts, authentication).refusal(name, "wrong", SignInFixtures.address());
        navigate(SignInSecurityView.class);

        test(kindFilter()).selectItem(SignInEventKind.SIGN_IN_FAILED.label());
        assertThat(events().getLazyDataView().getItems().limit(100))
                .allMatch(e -> e.kind() == SignInEventKind.SIGN_IN_FAILED);

        test($(TextField.class).id("security-username")).setValue(name.substring(0, name.length() - 1));
        assertThat(events().getLazyDataView().getItems().toList()).extracting(SignInEvent::username)
                .containsExactly(name);
        assertThat(events().getLazyDataView().getItems().toList().getFirst().address()).startsWith("2001:db8::");
    }

    @SuppressWarnings("unchecked")
    private Grid<SignInLock> locked() {
        return $(Grid.class).id("locked-sign-ins");
    }

    @SuppressWarnings("unchecked")
    private Grid<SignInEvent> events() {
        return $(Grid.class).id("sign-in-events");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<SignInEventKind> kindFilter() {
        return $(ComboBox.class).id("security-kind");
    }
}
