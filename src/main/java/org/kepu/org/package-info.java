/**
 * The association, member societies (学会), members, the expert pool (科普专家库) and volunteers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations")
package org.kepu.org;
