package dev.parley.ui.fx.chat;

import dev.parley.model.Member;
import dev.parley.model.Presence;
import javafx.scene.control.ListCell;

/** A member list entry: {@code @} for operators, dimmed when away or unreachable. */
final class MemberCell extends ListCell<Member> {

    MemberCell() {
        getStyleClass().add("member-cell");
    }

    @Override
    protected void updateItem(Member member, boolean empty) {
        super.updateItem(member, empty);
        getStyleClass().removeAll("away", "unreachable");
        if (empty || member == null) {
            setText(null);
            return;
        }
        setText((member.op() ? "@" : "") + member.nick());
        if (member.presence() == Presence.AWAY) {
            getStyleClass().add("away");
        } else if (member.presence() != Presence.HERE) {
            getStyleClass().add("unreachable");
        }
    }
}
