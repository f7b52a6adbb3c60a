using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StudyBot.Data.Entities;

namespace StudyBot.Data.Configurations;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("Enrolments");
        builder.HasIndex(e => new { e.UserId, e.DeckId }).IsUnique();
        builder.HasOne<DeckRecord>().WithMany().HasForeignKey(e => e.DeckId).OnDelete(DeleteBehavior.Cascade);
    }
}
