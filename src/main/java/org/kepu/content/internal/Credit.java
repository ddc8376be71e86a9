package org.kepu.content.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Who made a work: 作者, 配音, 审核专家, 绘图… */
record Credit(@NotNull Role role, @NotBlank @Size(max = 100) String name) {

    enum Role {
        AUTHOR, NARRATOR, EXPERT, ILLUSTRATOR, PRODUCER
    }
}
