package io.jdig.view;

/** A command the user can run on the selected row ({@code %field} is replaced by the row's value). */
public record ViewAction(char hotkey, String command, String description, boolean askConfirmation,
                         boolean waitFinish) {
}
